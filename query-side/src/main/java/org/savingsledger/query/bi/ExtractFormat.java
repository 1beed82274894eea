package org.savingsledger.query.bi;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.Total;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How an extract is written, row by row as the rows are produced: nothing is held in memory but
 * the writer's buffer. Quoting and escaping are the libraries' (Apache Commons CSV, Jackson), not
 * ours; keeping spreadsheets from running text as formulas is ours, as Commons CSV has nothing for it.
 */
public enum ExtractFormat {

    /**
     * RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break; UTF-8,
     * optionally after a byte-order mark. Text cells are {@linkplain #neutralised(String) neutralised} for spreadsheets.
     */
    CSV("csv", "text/csv;charset=UTF-8", true) {
        @Override
        public RowWriter open(List<Column> columns, OutputStream out, boolean byteOrderMark) throws IOException {
            BufferedWriter text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (byteOrderMark) {
                text.write(BYTE_ORDER_MARK);
            }
            CSVPrinter printer = RFC_4180.builder()
                    .setHeader(columns.stream().map(Column::name).toArray(String[]::new))
                    .get()
                    .print(text);
            Column.Type[] types = columns.stream().map(Column::type).toArray(Column.Type[]::new);
            return new RowWriter() {
                @Override
                public void row(Object... values) throws IOException {
                    // the rows go straight to the writer after the printer's header: a cell that RFC 4180 never
                    // quotes is written as it is, any other is quoted by Commons CSV (a tenth of the cost of
                    // printRecord, whose per-record stream, lock and boxing were half an extract's CPU)
                    for (int i = 0; i < values.length; i++) {
                        String cell = cell(types[i], values[i]);
                        if (plain(cell)) {
                            if (i > 0) {
                                text.write(',');
                            }
                            text.write(cell);
                        } else {
                            RFC_4180.print(cell, text, i == 0);
                        }
                    }
                    text.write(RECORD_END);
                }

                @Override
                public void close() throws IOException {
                    printer.close(true);
                }
            };
        }
    },

    /** JSON Lines: one JSON object per row, keys as the column names, money as plain decimal numbers; UTF-8. */
    JSONL("jsonl", "application/jsonl;charset=UTF-8", false) {
        @Override
        public RowWriter open(List<Column> columns, OutputStream out, boolean byteOrderMark) throws IOException {
            if (byteOrderMark) {
                throw new IllegalArgumentException("JSON text never starts with a byte-order mark (RFC 8259)");
            }
            JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8);
            json.setRootValueSeparator(null);
            return new RowWriter() {
                @Override
                public void row(Object... values) throws IOException {
                    json.writeStartObject();
                    for (int i = 0; i < values.length; i++) {
                        json.writeFieldName(columns.get(i).name());
                        writeValue(json, values[i]);
                    }
                    json.writeEndObject();
                    json.writeRaw('\n');
                }

                @Override
                public void close() throws IOException {
                    json.close();
                }
            };
        }
    };

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private static final CSVFormat RFC_4180 = CSVFormat.RFC4180;
    private static final String RECORD_END = "\r\n";

    /** Excel reads a UTF-8 file as Windows-1252 unless it starts with this (U+FEFF, bytes EF BB BF). */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * The characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a
     * formula, or that it drops before one (OWASP, "CSV Injection").
     */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final String extension;
    private final String contentType;
    private final boolean offersByteOrderMark;

    ExtractFormat(String extension, String contentType, boolean offersByteOrderMark) {
        this.extension = extension;
        this.contentType = contentType;
        this.offersByteOrderMark = offersByteOrderMark;
    }

    /** Starts an extract with {@code columns} on {@code out}; closing the writer flushes it. */
    public RowWriter open(List<Column> columns, OutputStream out) throws IOException {
        return open(columns, out, false);
    }

    /**
     * Starts an extract with {@code columns} on {@code out}, first the UTF-8 byte-order mark if
     * {@code byteOrderMark} (only where {@link #offersByteOrderMark()}); closing the writer flushes it.
     */
    public abstract RowWriter open(List<Column> columns, OutputStream out, boolean byteOrderMark) throws IOException;

    /** Whether a file of this format may start with a byte-order mark, for Excel. */
    public boolean offersByteOrderMark() {
        return offersByteOrderMark;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<ExtractFormat> withExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }

    /** A row writer: rows in, bytes out. */
    public interface RowWriter extends RowSink, AutoCloseable {

        @Override
        void close() throws IOException;
    }

    /**
     * A CSV cell: a text column's value {@linkplain #neutralised(String) neutralised}; any other column's
     * as it is. Money, numbers, booleans, dates, timestamps and financial years are values a spreadsheet
     * should read as such; the only ones that start like a formula are negative numbers, which stay numbers.
     */
    static String cell(Column.Type type, Object value) {
        String text = text(value);
        return type == Column.Type.TEXT && text != null ? neutralised(text) : text;
    }

    /**
     * Whether Commons CSV's RFC 4180 format writes {@code cell} as it is, unquoted: a text of letters, digits and
     * {@code . _ / - :} alone (every id, figure, date, instant and financial year), which holds no delimiter, quote or
     * line break, does not start with a character up to {@code #} and does not end in one up to a space (its rules
     * for quoting, {@code QuoteMode.MINIMAL}). Anything else, null and the empty text among it, goes to Commons CSV.
     */
    static boolean plain(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '/' || c == '-' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A text as a spreadsheet shows it rather than runs it: one that starts with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe (OWASP's advice against
     * CSV injection), also when it reads as a number ({@code -5} is then {@code '-5}: the column is text).
     * A text that starts with apostrophes before one of those gets one more, so the original is always
     * the cell less its first apostrophe where apostrophes lead to one of those characters.
     */
    static String neutralised(String text) {
        int start = 0;
        while (start < text.length() && text.charAt(start) == '\'') {
            start++;
        }
        return start < text.length() && FORMULA_STARTS.indexOf(text.charAt(start)) >= 0 ? "'" + text : text;
    }

    /**
     * The text of a value in CSV: money as a plain decimal, dates and years as written everywhere else.
     * A zero total or number of posts, the most common figure of a year's row, is written without
     * formatting a decimal (both are kept at 2 places: zero is always {@code 0.00}).
     */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Money money) {
            return money.amount().toPlainString();
        }
        if (value instanceof Total total) {
            return total.amount().signum() == 0 ? ZERO : total.amount().toPlainString();
        }
        if (value instanceof Fte posts) {
            return posts.value().signum() == 0 ? ZERO : posts.value().toPlainString();
        }
        return value.toString();
    }

    /** A zero {@link Total} or {@link Fte} as text. */
    private static final String ZERO = "0.00";

    /**
     * A value as JSON, the same in every JSON feed (JSON Lines, OData) so a column never changes type
     * between them: money as a plain decimal number, never a binary floating point, whole numbers as
     * numbers, everything else as the text written everywhere else.
     */
    public static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Money money) {
            json.writeNumber(money.amount());
        } else if (value instanceof Total total) {
            json.writeNumber(total.amount());
        } else if (value instanceof Fte posts) {
            json.writeNumber(posts.value());
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Long || value instanceof Integer) {
            json.writeNumber(((Number) value).longValue());
        } else {
            json.writeString(value.toString());
        }
    }
}
