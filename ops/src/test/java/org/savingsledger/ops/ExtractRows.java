package org.savingsledger.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reading the figures of answers in tests: money with two places, chosen fields of simple CSV rows, JSON Lines. */
final class ExtractRows {

    /** Money read as exact decimals, never as binary floating point. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ExtractRows() {
    }

    /** A money field of a JSON answer, with exactly two places. */
    static String money(JsonNode node, String field) {
        return new BigDecimal(node.path(field).asText()).setScale(2).toPlainString();
    }

    /** The data rows of a CSV body (none of whose fields holds a comma, a quote or a line break). */
    static List<String> dataRows(String csv) {
        String[] lines = csv.split("\r\n");
        return List.of(lines).subList(1, lines.length);
    }

    /** The given columns of a CSV row, joined by single spaces. */
    static String pick(String row, int... columns) {
        String[] fields = row.split(",", -1);
        List<String> picked = new ArrayList<>();
        for (int column : columns) {
            picked.add(fields[column]);
        }
        return String.join(" ", picked);
    }

    /** The rows of a JSON Lines body, one object per non-blank line. */
    static List<JsonNode> jsonLines(String body) {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                rows.add(JSON.readTree(line));
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
        return rows;
    }
}
