package org.savingsledger.command.imports;

import java.util.Map;

/**
 * What a council sends beside its own tracker so it need not rebuild it in the template's layout:
 * which sheet, the unit, the date and authority of its figures, a programme for every row, and its own
 * column headings mapped to the template's ({@code "Ref": "Saving id"}, {@code "Target 18/19":
 * "Planned 2018/19"}). Anything given here wins over the same setting written in the file.
 */
public record TrackerMapping(String sheet, String units, String asAt, String decisionReference, String programme,
                             Map<String, String> columns) {

    public static final TrackerMapping NONE = new TrackerMapping(null, null, null, null, null, Map.of());

    public TrackerMapping {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
    }
}
