package org.savingsledger.query.bi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/bi-datasets.md is the BI developers' contract: a column added, renamed, removed or moved in
 * code without the document changing with it fails here (and the other way round).
 */
class BiSchemaDocumentationTest {

    private static final Pattern DATASET = Pattern.compile("^### `([a-z_]+)`");
    private static final Pattern COLUMN = Pattern.compile("^\\| `([a-z_]+)` \\|");

    @Test
    void everyDatasetAndColumnIsDocumentedInOrder() throws IOException {
        Map<String, List<String>> documented = documented(Path.of("..", "docs", "bi-datasets.md"));

        Map<String, List<String>> inCode = new LinkedHashMap<>();
        Arrays.stream(Dataset.values()).forEach(dataset ->
                inCode.put(dataset.fileName(), dataset.columns().stream().map(Column::name).toList()));

        assertThat(documented).containsExactlyEntriesOf(inCode);
    }

    @Test
    void columnNamesAreSnakeCaseAndUniqueWithinADataset() {
        for (Dataset dataset : Dataset.values()) {
            List<String> names = dataset.columns().stream().map(Column::name).toList();
            assertThat(names).allMatch(name -> name.matches("[a-z][a-z0-9_]*")).doesNotHaveDuplicates();
            assertThat(names).containsAll(dataset.key());
        }
    }

    private static Map<String, List<String>> documented(Path document) throws IOException {
        Map<String, List<String>> datasets = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : Files.readAllLines(document)) {
            Matcher dataset = DATASET.matcher(line);
            if (dataset.find()) {
                current = new ArrayList<>();
                datasets.put(dataset.group(1), current);
                continue;
            }
            if (line.startsWith("## ")) {
                current = null;
            }
            Matcher column = COLUMN.matcher(line);
            if (current != null && column.find()) {
                current.add(column.group(1));
            }
        }
        return datasets;
    }
}
