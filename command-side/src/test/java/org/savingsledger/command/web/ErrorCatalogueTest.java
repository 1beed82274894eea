package org.savingsledger.command.web;

import org.junit.jupiter.api.Test;
import org.savingsledger.command.rules.Rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/errors.md lists every problem type the code can answer with, and every business rule. */
class ErrorCatalogueTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void everyProblemTypeAndRuleIsCatalogued() throws IOException {
        String catalogue = Files.readString(ROOT.resolve("docs/errors.md"));
        // every problem is built as problem(HttpStatus.X, "slug", "Title", ...), with a URN prefix + "slug", or is
        // an entry X("slug", HttpStatus.Y, "Title") of the catalogue (ledger-web's ProblemType)
        Pattern slug = Pattern.compile("(?:HttpStatus\\.[A-Z_]+,\\s*|TYPE_PREFIX \\+ |^\\s+[A-Z_]+\\((?=\"[a-z-]+\",\\s*HttpStatus\\.))"
                + "\"([a-z][a-z-]*)\"", Pattern.MULTILINE);
        List<Path> sources;
        try (Stream<Path> files = Stream.of("command-side", "query-side", "ledger-web")
                .flatMap(module -> walk(ROOT.resolve(module + "/src/main/java")))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        int found = 0;
        for (Path source : sources) {
            Matcher matcher = slug.matcher(Files.readString(source));
            while (matcher.find()) {
                found++;
                assertThat(catalogue).as(source + " answers " + matcher.group(1)).contains("`" + matcher.group(1) + "`");
            }
        }
        assertThat(found).as("problem types found in the code").isGreaterThanOrEqualTo(10);
        for (Rule rule : Rule.values()) {
            assertThat(catalogue).contains("`rule:" + rule.slug() + "`");
        }
    }

    private static Stream<Path> walk(Path directory) {
        try {
            return Files.walk(directory);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
