package org.savingsledger.query.history;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants and dates as facts store them ({@link Instant#toString()}, {@link LocalDate#toString()}),
 * read back without a {@code DateTimeFormatter}: an as-at fold reads two per fact, and the formatter
 * was a sixth of a programme summary's time. Any text not in the canonical form a fact is written
 * with is parsed by {@code Instant.parse} and {@code LocalDate.parse}, so the answer and the error
 * are theirs.
 */
final class IsoText {

    private IsoText() {
    }

    /** {@code Instant.parse(text)}. */
    static Instant instant(String text) {
        // yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z
        int length = text.length();
        if (length < 20 || length > 30 || length == 21 || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z' || (length > 20 && text.charAt(19) != '.')) {
            return Instant.parse(text);
        }
        try {
            LocalDate date = canonicalDate(text);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nano = 0;
            if (length > 20) {
                nano = digits(text, 20, length - 1);
                for (int scale = length - 21; scale < 9; scale++) {
                    nano *= 10;
                }
            }
            if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nano < 0) {
                return Instant.parse(text);
            }
            return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second, nano);
        } catch (DateTimeException e) {
            return Instant.parse(text);
        }
    }

    /** {@code LocalDate.parse(text)}. */
    static LocalDate date(String text) {
        if (text.length() != 10) {
            return LocalDate.parse(text);
        }
        try {
            LocalDate date = canonicalDate(text);
            return date == null ? LocalDate.parse(text) : date;
        } catch (DateTimeException e) {
            return LocalDate.parse(text);
        }
    }

    /** The date {@code yyyy-MM-dd} at the start of {@code text}; null when it is not written so. */
    private static LocalDate canonicalDate(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        return year < 0 || month < 0 || day < 0 ? null : LocalDate.of(year, month, day);
    }

    /** The decimal number written in {@code text} from {@code from} to {@code to}; -1 unless all are ASCII digits. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int at = from; at < to; at++) {
            char c = text.charAt(at);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
