package org.savingsledger.web.problem;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/errors.md and {@link ProblemType} list the same problem types with the same statuses: each
 * catalogue entry has a row of its type, status and (where the row names one) title, and each row's
 * type is in the catalogue with that status — but for Spring MVC's own refusals (titled "(Spring's)"),
 * the business rules (checked against the rules themselves on the command side) and the web server's
 * {@code request-refused}.
 */
class ErrorCatalogueDocumentationTest {

    /** One documented type: its slug, the status cell's entry for it ("404", "other 4xx") and the row's title. */
    record Documented(String slug, String status, String title) {
    }

    private static final Pattern TYPE = Pattern.compile("`([a-z][a-z:-]*)`");
    private static List<Documented> documented;

    @BeforeAll
    static void readTheDocumentation() throws IOException {
        documented = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("..", "docs", "errors.md"))) {
            String[] cells = line.split("\\|");
            if (cells.length < 4 || !cells[1].strip().matches("\\d.*")) {
                continue;
            }
            List<String> statuses = Arrays.stream(cells[1].split(",")).map(String::strip).toList();
            List<String> slugs = new ArrayList<>();
            Matcher type = TYPE.matcher(cells[2]);
            while (type.find()) {
                slugs.add(type.group(1));
            }
            assertThat(statuses.size() == 1 || statuses.size() == slugs.size())
                    .as("a row names one status, or one for each of its types: " + line).isTrue();
            for (int i = 0; i < slugs.size(); i++) {
                documented.add(new Documented(slugs.get(i), statuses.get(statuses.size() == 1 ? 0 : i), cells[3].strip()));
            }
        }
        assertThat(documented).as("rows read from docs/errors.md").hasSizeGreaterThan(15);
    }

    @Test
    void everyCatalogueEntryIsDocumentedWithItsStatusAndTitle() {
        for (ProblemType problem : ProblemType.values()) {
            if (problem == ProblemType.BUSINESS_RULE) {
                assertThat(documented).filteredOn(row -> row.slug().startsWith(problem.slug() + ":"))
                        .as("the business rules' rows").isNotEmpty()
                        .allSatisfy(row -> {
                            assertThat(row.status()).isEqualTo(String.valueOf(problem.status().value()));
                            assertThat(row.title()).isEqualTo(problem.title());
                        });
                continue;
            }
            assertThat(documented).as(problem + " is documented with its status and title")
                    .anySatisfy(row -> {
                        assertThat(row.slug()).isEqualTo(problem.slug());
                        assertThat(row.status()).isEqualTo(String.valueOf(problem.status().value()));
                        if (!row.title().equals("(Spring's)")) {
                            assertThat(row.title()).isEqualTo(problem.title());
                        }
                    });
        }
    }

    @Test
    void everyDocumentedTypeIsInTheCatalogueWithItsStatus() {
        for (Documented row : documented) {
            if (row.title().equals("(Spring's)") || row.slug().startsWith(ProblemType.BUSINESS_RULE.slug() + ":")
                    || row.slug().equals(ProblemErrorReportValve.REQUEST_REFUSED)) {
                continue;
            }
            assertThat(ProblemType.values()).as(row + " is in the catalogue")
                    .anySatisfy(problem -> {
                        assertThat(problem.slug()).isEqualTo(row.slug());
                        assertThat(String.valueOf(problem.status().value())).isEqualTo(row.status());
                    });
        }
    }
}
