package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.bi.Dataset;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every BI dataset, served with rows in both formats, has exactly the columns docs/bi-datasets.md
 * documents, in its order: each JSON Lines row has exactly those keys (a missing value is a
 * {@code null}, not a missing key) and each CSV has that header and as many fields in every record.
 * The test fills every dataset with data of its own (no dataset is left empty and skipped), in an
 * organisation of its own, with missing values (no workstream, owner or RAG; a programme's own
 * change has no saving or year).
 */
@AllInOneTest
class BiDatasetColumnsTest {

    private static final Pattern DATASET = Pattern.compile("^### `([a-z_]+)`");
    private static final Pattern COLUMN = Pattern.compile("^\\| `([a-z_]+)` \\|");

    @LocalServerPort
    int port;

    @Test
    void everyDatasetHasExactlyItsDocumentedColumnsInBothFormats() throws IOException {
        ApiClient api = new ApiClient(port);
        String organisation = "columns-" + UUID.randomUUID().toString().substring(0, 8);
        api.withOrganisation(organisation);
        String programme = id(api.post("/api/programmes", """
                {"organisation": "%s", "name": "Columns", "savingsTarget": 900000, "firstYear": "2018/19",
                 "lastYear": "2020/21"}""".formatted(organisation)));
        String saving = id(api.post("/api/programmes/" + programme + "/savings", """
                {"title": "No workstream, owner or RAG", "confidence": "STRETCH", "stage": "CONCEPT",
                 "profile": {"2018/19": 100000, "2019/20": 200000}}"""));
        ok(api.post("/api/programmes/" + programme + "/budget-approvals", "{\"amount\": 1000, \"reason\": \"posts\"}"));
        ok(api.post("/api/savings/" + saving + "/deliveries", "{\"year\": \"2018/19\", \"amount\": 250.50, \"reason\": \"outturn\"}"));
        ok(api.post("/api/savings/" + saving + "/delivery-corrections",
                "{\"year\": \"2018/19\", \"amount\": -0.50, \"reason\": \"double counted\"}"));
        ok(api.post("/api/savings/" + saving + "/slips",
                "{\"fromYear\": \"2018/19\", \"toYear\": \"2020/21\", \"amount\": 1000, \"reason\": \"late\"}"));
        ok(api.post("/api/savings/" + saving + "/bring-forwards",
                "{\"fromYear\": \"2019/20\", \"toYear\": \"2018/19\", \"amount\": 500, \"reason\": \"early\"}"));
        String committee = id(api.post("/api/committees", "{\"organisation\": \"" + organisation + "\", \"name\": \"Cabinet\"}"));
        ok(api.post("/api/committees/" + committee + "/programmes", "{\"programmeId\": \"" + programme + "\"}"));
        String token = api.post("/api/committees/" + committee + "/reports",
                "{\"meetingDate\": \"2019-01-07\", \"title\": \"Position\"}").json().path("consistencyToken").asText();

        Map<String, List<String>> documented = documented(Path.of("..", "docs", "bi-datasets.md"));
        assertThat(documented.keySet()).containsExactlyElementsOf(Arrays.stream(Dataset.values()).map(Dataset::fileName).toList());
        // the rows of the commands above: 3 years of the programme; changes: its target and budget, 2 planned years,
        // the delivery, the correction, 2 years for each of the slip and the bring-forward; the report's 3 years
        Map<String, Integer> rows = Map.of("programmes", 1, "savings", 1, "saving_years", 3, "changes", 10,
                "deliveries", 2, "slips", 2, "committee_reports", 3, "workstreams", 1, "funding", 1);
        documented.forEach((dataset, columns) -> {
            String query = "?organisation=" + organisation + "&consistencyToken=" + token;

            ApiClient.Reply jsonl = api.get("/api/bi/" + dataset + ".jsonl" + query);
            assertThat(jsonl.status()).as(jsonl.toString()).isEqualTo(200);
            List<String> lines = jsonl.body().lines().toList();
            assertThat(lines).as(dataset).hasSize(rows.get(dataset));
            for (String line : lines) {
                JsonNode row = new ApiClient.Reply(200, "", null, line, null).json();
                List<String> keys = new ArrayList<>();
                row.fieldNames().forEachRemaining(keys::add);
                assertThat(keys).as(dataset + ": " + line).isEqualTo(columns);
                assertThat(row.path("organisation").asText()).isEqualTo(organisation);
            }

            ApiClient.Reply csv = api.get("/api/bi/" + dataset + ".csv" + query);
            assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
            assertThat(csv.body()).as(dataset).startsWith(String.join(",", columns) + "\r\n");
            try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(csv.body()))) {
                List<CSVRecord> records = parser.getRecords();
                assertThat(records).as(dataset).hasSize(rows.get(dataset) + 1);
                assertThat(records).as(dataset).allSatisfy(record -> assertThat(record.size()).isEqualTo(columns.size()));
            } catch (IOException e) {
                throw new AssertionError(dataset + ": not RFC 4180", e);
            }
        });
        // the missing values are there, as nulls
        JsonNode savingRow = new ApiClient.Reply(200, "", null,
                api.get("/api/bi/savings.jsonl?programme=" + programme).body().strip(), null).json();
        assertThat(savingRow.get("workstream").isNull()).isTrue();
        assertThat(savingRow.get("owner").isNull()).isTrue();
        assertThat(savingRow.get("rag").isNull()).isTrue();
        JsonNode budget = new ApiClient.Reply(200, "", null,
                api.get("/api/bi/changes.jsonl?programme=" + programme).body().lines()
                        .filter(line -> line.contains("ProgrammeBudgetApproved")).findFirst().orElseThrow(), null).json();
        assertThat(budget.get("saving_id").isNull()).isTrue();
        assertThat(budget.get("year").isNull()).isTrue();
        assertThat(budget.get("decision_ref").isNull()).isTrue();
    }

    /** The datasets and their columns, in order, as docs/bi-datasets.md lists them. */
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

    private static String id(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.id();
    }

    private static void ok(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }
}
