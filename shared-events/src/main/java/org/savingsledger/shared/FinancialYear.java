package org.savingsledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK local-government financial year, 1 April to 31 March, written {@code 2018/19}.
 * Valid from 1990/91 to 2099/00 ({@code 2099/00} starts in April 2099).
 *
 * <p>Bodies use {@code 2018/19}; paths use {@code 2018-19}; {@link #parse} accepts both.
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    public static final int FIRST_START_YEAR = 1990;
    public static final int LAST_START_YEAR = 2099;

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})[/-](\\d{2})");

    /** Every year's text, made once: extracts write a year on each of millions of rows. */
    private static final String[] TEXTS = new String[LAST_START_YEAR - FIRST_START_YEAR + 1];

    static {
        for (int start = FIRST_START_YEAR; start <= LAST_START_YEAR; start++) {
            TEXTS[start - FIRST_START_YEAR] = String.format("%04d/%02d", start, (start + 1) % 100);
        }
    }

    public FinancialYear {
        if (startYear < FIRST_START_YEAR || startYear > LAST_START_YEAR) {
            throw new IllegalArgumentException("must be between 1990/91 and 2099/00");
        }
    }

    /** Parses {@code 2018/19} or {@code 2018-19}; {@code 2018/20}, {@code 18/19} and {@code 2018} are refused. */
    @JsonCreator
    public static FinancialYear parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("financial year is required");
        }
        if (text.length() == 7 && digits(text, 0, 4) && (text.charAt(4) == '/' || text.charAt(4) == '-')
                && digits(text, 5, 7)) {
            // the usual shape, read without a regular expression: folds parse a year per change they count
            return of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10), text);
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a financial year written like 2018/19, was '" + text + "'");
        }
        return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), text);
    }

    private static FinancialYear of(int start, int end, String text) {
        if ((start + 1) % 100 != end) {
            throw new IllegalArgumentException("must span two consecutive years (like 2018/19), was '" + text + "'");
        }
        return new FinancialYear(start);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Jackson uses this for map keys (profiles are keyed by year). */
    public static FinancialYear valueOf(String text) {
        return parse(text);
    }

    public static FinancialYear of(int startYear) {
        return new FinancialYear(startYear);
    }

    /** The financial year a date falls in. */
    public static FinancialYear containing(LocalDate date) {
        return new FinancialYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    /** Every year from {@code first} to {@code last}, both included. */
    public static List<FinancialYear> rangeClosed(FinancialYear first, FinancialYear last) {
        List<FinancialYear> years = new ArrayList<>();
        for (int y = first.startYear; y <= last.startYear; y++) {
            years.add(new FinancialYear(y));
        }
        return years;
    }

    public FinancialYear next() {
        return new FinancialYear(startYear + 1);
    }

    public FinancialYear previous() {
        return new FinancialYear(startYear - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    public boolean isAfter(FinancialYear other) {
        return startYear > other.startYear;
    }

    public boolean isBefore(FinancialYear other) {
        return startYear < other.startYear;
    }

    /** True when this year lies within {@code first}..{@code last}, both included. */
    public boolean isWithin(FinancialYear first, FinancialYear last) {
        return !isBefore(first) && !isAfter(last);
    }

    /** The form used in paths: {@code 2018-19}. */
    public String pathForm() {
        return String.format("%04d-%02d", startYear, (startYear + 1) % 100);
    }

    @Override
    public int compareTo(FinancialYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @JsonValue
    @Override
    public String toString() {
        return TEXTS[startYear - FIRST_START_YEAR];
    }
}
