package org.savingsledger.query.committee.pack;

import org.savingsledger.query.committee.ChangeSince;
import org.savingsledger.query.committee.ReportPack;
import org.savingsledger.query.committee.ReportRef;
import org.savingsledger.query.reading.HistoryEntry;
import org.savingsledger.query.reading.MoneyChange;

import java.util.Map;

/**
 * Every change to the report's programmes and their savings recorded after the previous report of the
 * committee was presented and up to this one's presentation, in recording order: a row per money figure
 * it changed (field, year, before, after) and per other value it set (field, new value), each with when it
 * was recorded, its effective date, whether this report's figures count it (effective by their date),
 * who, why and on whose decision. For the committee's first report, every change recorded up to it.
 */
final class ChangesSheet {

    static final String NAME = "Changes since previous report";

    private static final String[] HEADERS = {"Programme", "Saving", "Change", "Field", "Year", "Before", "After",
            "New value", "Recorded at (UK time)", "Effective date", "In this report's figures", "Who", "Why",
            "Decision reference"};

    private ChangesSheet() {
    }

    static void write(PackSheet sheet, ReportPack pack) {
        PackStyles styles = sheet.styles();
        sheet.row().text(0, "Changes since the previous report: " + ReportHeading.title(pack), styles.title());
        ReportRef previous = pack.previous();
        if (previous == null) {
            sheet.row().text(0, "Previous report", styles.label()).text(1, "None: this is the committee's first "
                    + "report, so every change recorded up to its presentation is listed.", styles.note());
        } else {
            sheet.row().text(0, "Previous report", styles.label()).text(1, previous.title() + ", meeting of "
                    + ReportHeading.longDate(previous.meetingDate()) + " (report " + previous.id() + ")");
            sheet.row().text(0, "Recorded after (UK time)", styles.label()).instant(1, previous.presentedAt());
        }
        sheet.row().text(0, "Recorded up to (UK time)", styles.label()).instant(1, pack.report().presentedAt());
        sheet.skip();
        sheet.row().headers(HEADERS).freezeThroughHere(0);
        if (pack.changes().isEmpty()) {
            sheet.row().text(0, "No change was recorded in this period.", styles.note());
        }
        for (ChangeSince change : pack.changes()) {
            HistoryEntry entry = change.entry();
            boolean written = false;
            for (MoneyChange money : entry.changes()) {
                describe(sheet.row(), change, pack).text(3, money.field()).text(4, money.year())
                        .money(5, money.before()).money(6, money.after());
                written = true;
            }
            for (Map.Entry<String, Object> value : entry.attributes().entrySet()) {
                describe(sheet.row(), change, pack).text(3, value.getKey())
                        .text(7, value.getValue() == null ? null : String.valueOf(value.getValue()));
                written = true;
            }
            if (!written) {
                describe(sheet.row(), change, pack);
            }
        }
        sheet.widths(24, 24, 26, 18, 10, 16, 16, 24, 22, 14, 12, 16, 48, 28);
    }

    private static PackSheet describe(PackSheet row, ChangeSince change, ReportPack pack) {
        HistoryEntry entry = change.entry();
        boolean counted = entry.effectiveDate() == null || !entry.effectiveDate().isAfter(pack.report().figuresEffectiveOn());
        return row.text(0, change.programmeId()).text(1, change.savingId()).text(2, entry.type())
                .instant(8, entry.recordedAt()).date(9, entry.effectiveDate()).text(10, counted ? "Yes" : "No")
                .text(11, entry.actor()).text(12, entry.reason()).text(13, entry.decisionRef());
    }
}
