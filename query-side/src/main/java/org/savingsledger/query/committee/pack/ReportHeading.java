package org.savingsledger.query.committee.pack;

import org.savingsledger.query.committee.ReportPack;
import org.savingsledger.query.committee.ReportView;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The lines every sheet of a pack starts with, so that a sheet printed alone still says what it is. */
final class ReportHeading {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private ReportHeading() {
    }

    /** {@code <committee>: <report title>, meeting of 12 March 2018}. */
    static String title(ReportPack pack) {
        ReportView report = pack.report();
        return pack.committeeName() + ": " + report.title() + ", meeting of " + longDate(report.meetingDate());
    }

    static String longDate(LocalDate date) {
        return LONG_DATE.format(date);
    }

    /** The title row, then when the figures are effective and when the report was presented. */
    static void write(PackSheet sheet, String title, ReportPack pack) {
        PackStyles styles = sheet.styles();
        sheet.row().text(0, title, styles.title());
        sheet.row().text(0, "Figures effective on", styles.label()).date(1, pack.report().figuresEffectiveOn());
        sheet.row().text(0, "Presented at (UK time)", styles.label()).instant(1, pack.report().presentedAt());
    }
}
