package org.savingsledger.command.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a tracker saved as CSV. Excel saves "CSV UTF-8" with a byte-order mark and plain "CSV" in the
 * Windows code page, where £ is one byte that is not UTF-8: text that is not valid UTF-8 is read as
 * Windows-1252, so a tracker's pound signs survive either way. Every cell is text, read as typed.
 */
final class CsvTrackers {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvTrackers() {
    }

    static TrackerGrid read(byte[] bytes, String sheet, int maxRows) {
        List<TrackerGrid.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(decode(bytes)))) {
            for (CSVRecord record : parser) {
                int number = (int) record.getRecordNumber();
                if (number > maxRows) {
                    throw new TrackerRefused(422, "has more than " + maxRows + " rows; import it in parts");
                }
                List<Cell> cells = new ArrayList<>();
                for (int column = 0; column < record.size(); column++) {
                    cells.add(Cell.text(new CellRef(sheet, number, column), record.get(column)));
                }
                rows.add(new TrackerGrid.Row(number, false, cells));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new TrackerRefused(422, "could not be read as CSV: " + e.getMessage());
        }
        return new TrackerGrid(sheet, rows, List.of(), false);
    }

    private static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        ByteBuffer content = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(content).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, WINDOWS_1252);
        }
    }
}
