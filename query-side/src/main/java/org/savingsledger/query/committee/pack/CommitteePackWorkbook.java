package org.savingsledger.query.committee.pack;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.savingsledger.query.committee.ReportPack;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.reading.CouncilTime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Optional;

/**
 * A report as a workbook for committee papers: "Summary", a sheet per programme (named by its id, made
 * valid and unique) and "Changes since previous report". Everything in it, down to the bytes, follows
 * from the report: the document is created and modified at {@code presentedAt}, by "Savings Ledger",
 * and its zip entries carry that time too, so the same report always gives the same file.
 */
public final class CommitteePackWorkbook {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CREATOR = "Savings Ledger";

    private CommitteePackWorkbook() {
    }

    public static byte[] write(ReportPack pack) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            PackStyles styles = PackStyles.of(workbook);
            SheetNames names = new SheetNames();
            String summary = names.unique(SummarySheet.NAME);
            String changes = names.unique(ChangesSheet.NAME);
            SummarySheet.write(new PackSheet(workbook.createSheet(summary), styles), pack);
            for (ProgrammeSummary programme : pack.report().programmes()) {
                ProgrammeSheet.write(new PackSheet(workbook.createSheet(names.unique(programme.id())), styles), pack,
                        programme);
            }
            ChangesSheet.write(new PackSheet(workbook.createSheet(changes), styles), pack);
            workbook.setActiveSheet(0);
            Date presented = Date.from(pack.report().presentedAt());
            POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
            core.setCreator(CREATOR);
            core.setCreated(Optional.of(presented));
            core.setModified(Optional.of(presented));
            core.setTitle(ReportHeading.title(pack));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return StableZip.stamped(bytes.toByteArray(),
                    LocalDateTime.ofInstant(pack.report().presentedAt(), CouncilTime.LONDON));
        } catch (IOException e) {
            throw new UncheckedIOException("a committee pack could not be written in memory", e);
        }
    }
}
