package org.savingsledger.command.imports;

import java.math.BigDecimal;

/**
 * One cell as the tracker holds it: text, or a number (a formula's cached result counts as what it
 * shows), or nothing. A number is kept to the 15 significant digits a spreadsheet shows, so a typed
 * 80835.55 reads as exactly that rather than as the binary fraction nearest it.
 *
 * @param dateFormatted the number is shown as a date (a spreadsheet stores dates as day numbers)
 * @param copiedFromMerge the cell lies inside a merged range and holds the range's value, not its own
 */
public record Cell(CellRef ref, String text, BigDecimal number, boolean dateFormatted, boolean copiedFromMerge) {

    public static Cell text(CellRef ref, String text) {
        return new Cell(ref, text, null, false, false);
    }

    public static Cell number(CellRef ref, BigDecimal number, boolean dateFormatted) {
        return new Cell(ref, null, number, dateFormatted, false);
    }

    public static Cell blank(CellRef ref) {
        return new Cell(ref, null, null, false, false);
    }

    public boolean isBlank() {
        return number == null && (text == null || text.isBlank());
    }

    /** What the cell shows as text: its text trimmed, or its number written plainly; "" when blank. */
    public String shown() {
        if (number != null) {
            return number.stripTrailingZeros().toPlainString();
        }
        return text == null ? "" : text.strip();
    }

    Cell copiedTo(CellRef other) {
        return new Cell(other, text, number, dateFormatted, true);
    }
}
