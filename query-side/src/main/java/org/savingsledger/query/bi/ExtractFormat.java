package org.savingsledger.query.bi;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
 * the writer's buffer. Escaping is the libraries' (Apache Commons CSV, Jackson), not ours.
 */
public enum ExtractFormat {

    /** RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break; UTF-8. */
    CSV("csv", "text/csv;charset=UTF-8") {
        @Override
        public RowWriter open(List<Column> columns, OutputStream out) throws IOException {
            CSVPrinter printer = CSVFormat.RFC4180.builder()
                    .setHeader(columns.stream().map(Column::name).toArray(String[]::new))
                    .get()
                    .print(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
            return new RowWriter() {
                @Override
                public void row(Object... values) throws IOException {
                    printer.printRecord(Arrays.stream(values).map(ExtractFormat::text).toArray());
                }

                @Override
                public void close() throws IOException {
                    printer.close(true);
                }
            };
        }
    },

    /** JSON Lines: one JSON object per row, keys as the column names, money as plain decimal numbers; UTF-8. */
    JSONL("jsonl", "application/jsonl;charset=UTF-8") {
        @Override
        public RowWriter open(List<Column> columns, OutputStream out) throws IOException {
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

    private final String extension;
    private final String contentType;

    ExtractFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** Starts an extract with {@code columns} on {@code out}; closing the writer flushes it. */
    public abstract RowWriter open(List<Column> columns, OutputStream out) throws IOException;

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

    /** The text of a value in CSV: money as a plain decimal, dates and years as written everywhere else. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Money money) {
            return money.amount().toPlainString();
        }
        return value.toString();
    }

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
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Long || value instanceof Integer) {
            json.writeNumber(((Number) value).longValue());
        } else {
            json.writeString(value.toString());
        }
    }
}
