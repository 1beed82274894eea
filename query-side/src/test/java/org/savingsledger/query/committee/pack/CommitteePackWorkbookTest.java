package org.savingsledger.query.committee.pack;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.committee.ReportPack;
import org.savingsledger.query.committee.ReportView;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pack's bytes follow from its report alone: a report presented in 2018 gives a file whose document
 * properties and zip entries all say 2018, never the moment it was written.
 */
class CommitteePackWorkbookTest {

    private static final Instant PRESENTED = Instant.parse("2018-03-12T09:10:00Z");

    private final ReportPack pack = new ReportPack("Cabinet", new ReportView("r1", "c1", LocalDate.of(2018, 3, 12),
            "Position at February", PRESENTED, List.of(), LocalDate.of(2018, 2, 28)), Map.of(), null, List.of());

    @Test
    void theSamePackIsTheSameBytesStampedWithItsPresentation() throws IOException {
        byte[] first = CommitteePackWorkbook.write(pack);
        byte[] second = CommitteePackWorkbook.write(pack);

        assertThat(second).isEqualTo(first);
        List<LocalDateTime> times = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                times.add(entry.getTimeLocal());
            }
        }
        // 09:10 UTC in March is 09:10 in London (GMT)
        assertThat(times).isNotEmpty().containsOnly(LocalDateTime.of(2018, 3, 12, 9, 10));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(first))) {
            assertThat(workbook.getProperties().getCoreProperties().getCreated().toInstant()).isEqualTo(PRESENTED);
            assertThat(workbook.getProperties().getCoreProperties().getModified().toInstant()).isEqualTo(PRESENTED);
            assertThat(workbook.getProperties().getCoreProperties().getCreator()).isEqualTo("Savings Ledger");
            assertThat(workbook.getSheetName(0)).isEqualTo("Summary");
            assertThat(workbook.getSheetName(1)).isEqualTo("Changes since previous report");
            assertThat(workbook.getSheetAt(1).getRow(1).getCell(1).getStringCellValue())
                    .startsWith("None: this is the committee's first report");
        }
    }
}
