package org.savingsledger.command.imports;

import org.savingsledger.shared.Money;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a tracker's amounts as finance teams type them — {@code 1,234.5}, {@code £1.2m}, {@code (1,234)}
 * for a negative, {@code -} or a blank for nothing, numbers stored as text — into exact pounds. A figure
 * is scaled by the tracker's declared unit unless it names its own ({@code k}, {@code m}, {@code bn}).
 * Nothing is rounded: a figure that would need rounding to the penny is refused, as the API refuses it.
 */
final class Amounts {

    private static final Pattern FIGURE = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d*)(\\.\\d+)?(bn|mn|m|k)?");
    private static final BigDecimal LIMIT = Money.MAX.amount();

    private Amounts() {
    }

    /** The cell's amount in pounds, scale 2; a blank cell is zero. */
    static BigDecimal pounds(Cell cell, Units units) throws CellProblem {
        if (cell.copiedFromMerge()) {
            throw new CellProblem("is part of a merged range: each year's amount needs its own cell");
        }
        if (cell.isBlank()) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal pounds = cell.number() != null ? units.toPounds(cell.number()) : fromText(cell.text(), units);
        return exact(pounds, cell.shown(), units);
    }

    private static BigDecimal fromText(String text, Units units) throws CellProblem {
        String compact = text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00a0\\u2007\\u202f]", "");
        if (compact.matches("[-\u2013\u2014]")) {
            return BigDecimal.ZERO;
        }
        String rest = compact;
        boolean negative = false;
        if (rest.startsWith("(") && rest.endsWith(")")) {
            negative = true;
            rest = rest.substring(1, rest.length() - 1);
        }
        if (rest.startsWith("-") || rest.startsWith("\u2212")) {
            if (negative) {
                throw notAnAmount(text);
            }
            negative = true;
            rest = rest.substring(1);
        }
        if (rest.startsWith("£")) {
            rest = rest.substring(1);
        }
        Matcher figure = FIGURE.matcher(rest);
        if (rest.isEmpty() || !figure.matches() || (figure.group(1).isEmpty() && figure.group(2) == null)) {
            throw notAnAmount(text);
        }
        BigDecimal number = new BigDecimal(figure.group(1).replace(",", "").concat(
                figure.group(2) == null ? "" : figure.group(2)).replaceFirst("^\\.", "0."));
        String suffix = figure.group(3);
        BigDecimal pounds = suffix == null ? units.toPounds(number)
                : number.movePointRight(suffix.equals("bn") ? 9 : suffix.equals("k") ? 3 : 6);
        return negative ? pounds.negate() : pounds;
    }

    private static BigDecimal exact(BigDecimal pounds, String shown, Units units) throws CellProblem {
        if (pounds.stripTrailingZeros().scale() > 2) {
            throw new CellProblem("\"" + shown + "\" (" + units.label() + ") is £" + pounds.stripTrailingZeros().toPlainString()
                    + ", more precise than a penny");
        }
        if (pounds.abs().compareTo(LIMIT) > 0) {
            throw new CellProblem("\"" + shown + "\" (" + units.label() + ") is more than £1 trillion");
        }
        return pounds.setScale(2);
    }

    private static CellProblem notAnAmount(String text) {
        return new CellProblem("\"" + text.strip() + "\" is not an amount");
    }
}
