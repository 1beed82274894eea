package org.savingsledger.command.imports;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files refused whole, before a row is read: formats not read, and files built to harm the server that opens them. */
class TrackerRefusalsTest {

    @Test
    void oldBinaryAndMacroWorkbooksAreRefusedWithWhatToDoInstead() throws IOException {
        byte[] ole2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1, 0, 0};

        assertRefused("tracker.xls", ole2, 415, "'tracker.xls' is a macro-enabled, binary or Excel 97-2003 workbook: "
                + "save it as an Excel Workbook (.xlsx) and import that");
        assertRefused("tracker.xlsx", ole2, 415, "is an Excel 97-2003 workbook (.xls) or a password-protected one: "
                + "save it as an Excel Workbook (.xlsx) without a password and import that");
        assertRefused("tracker.xlsx", macroWorkbook(), 415, "is a macro-enabled workbook (.xlsm): save it as an Excel "
                + "Workbook (.xlsx) and import that");
        assertRefused("tracker.pdf", new byte[] {1}, 415, "'tracker.pdf' is neither an .xlsx workbook nor a .csv file");
        assertRefused("tracker.xlsx", "Saving id\n".getBytes(StandardCharsets.UTF_8), 415, "is not an .xlsx workbook");
    }

    @Test
    void aZipBombIsRefusedUnread() throws IOException {
        // 40 MiB of spaces compress to about 40 KiB: an inflate ratio of 0.001, a tenth of what POI lets through
        byte[] bomb = withSheet(TrackerReaderTest.messyTracker(), sheet -> sheet.replace("<sheetData>",
                "<sheetData>" + " ".repeat(40 * 1024 * 1024)));

        assertRefused("tracker.xlsx", bomb, 422, "inflates far beyond its size (a zip bomb?): refused unread");
    }

    @Test
    void anEntityExpansionIsNotExpanded() throws IOException {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
                + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
                + "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">"
                + "<!ENTITY file SYSTEM \"file:///etc/passwd\">]>";
        byte[] entities = withSheet(TrackerReaderTest.messyTracker(), sheet -> laughs
                + sheet.substring(sheet.indexOf("?>") + 2).replace("Nottinghamshire ASC savings tracker", "&h;&file;"));

        assertThatThrownBy(() -> TrackerReader.read("tracker.xlsx", entities, TrackerMapping.NONE))
                .isInstanceOfSatisfying(TrackerRefused.class, refused -> assertThat(refused.status()).isEqualTo(422))
                .hasMessage("could not be read as an .xlsx workbook");
    }

    @Test
    void aSheetWithMoreRowsThanAnImportReadsIsRefused() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Tracker").createRow(TrackerReader.MAX_ROWS).createCell(0).setCellValue("x");
            workbook.write(out);

            assertRefused("tracker.xlsx", out.toByteArray(), 422, "sheet 'Tracker' has 5001 rows, more than the 5000 an "
                    + "import reads; import it in parts");
        }
    }

    private static void assertRefused(String name, byte[] bytes, int status, String message) {
        assertThatThrownBy(() -> TrackerReader.read(name, bytes, TrackerMapping.NONE))
                .isInstanceOfSatisfying(TrackerRefused.class, refused -> assertThat(refused.status()).isEqualTo(status))
                .hasMessage(message);
    }

    private static byte[] macroWorkbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(XSSFWorkbookType.XLSM); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Tracker");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The workbook with its tracker sheet's XML (the second sheet) rewritten. */
    private static byte[] withSheet(byte[] workbook, UnaryOperator<String> rewrite) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet2.xml")) {
                    content = rewrite.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
