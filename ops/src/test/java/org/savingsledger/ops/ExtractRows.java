package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reading the figures of answers in tests: money with two places, and chosen fields of simple CSV rows. */
final class ExtractRows {

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
}
