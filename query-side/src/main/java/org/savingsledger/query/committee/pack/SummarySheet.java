package org.savingsledger.query.committee.pack;

import org.savingsledger.query.committee.ReportPack;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.saving.SavingPosition;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.Total;

import java.util.List;

/**
 * The report at a glance: per programme its target, planned, delivered, undelivered and gap to target as
 * presented, and how many of its savings (withdrawn ones left out, as in the planned totals) were red,
 * amber, green or had no RAG status; then a totals row.
 */
final class SummarySheet {

    static final String NAME = "Summary";

    private static final List<String> RAG = List.of(Rag.RED.name(), Rag.AMBER.name(), Rag.GREEN.name());

    private SummarySheet() {
    }

    static void write(PackSheet sheet, ReportPack pack) {
        PackStyles styles = sheet.styles();
        sheet.row().text(0, ReportHeading.title(pack), styles.title());
        sheet.row().text(0, "Committee", styles.label()).text(1, pack.committeeName());
        sheet.row().text(0, "Report", styles.label()).text(1, pack.report().title());
        sheet.row().text(0, "Meeting date", styles.label()).date(1, pack.report().meetingDate());
        sheet.row().text(0, "Figures effective on", styles.label()).date(1, pack.report().figuresEffectiveOn());
        sheet.row().text(0, "Presented at (UK time)", styles.label()).instant(1, pack.report().presentedAt());
        sheet.skip();
        sheet.row().headers("Programme", "Name", "Savings target", "Planned", "Delivered", "Undelivered",
                "Gap to target", "Red", "Amber", "Green", "RAG not set").freezeThroughHere(1);
        Total target = Total.ZERO;
        Total planned = Total.ZERO;
        Total delivered = Total.ZERO;
        Total undelivered = Total.ZERO;
        Total gap = Total.ZERO;
        long[] rag = new long[4];
        for (ProgrammeSummary programme : pack.report().programmes()) {
            long[] counts = ragCounts(pack.savings().getOrDefault(programme.id(), List.of()));
            sheet.row().text(0, programme.id()).text(1, programme.name())
                    .money(2, programme.savingsTarget()).money(3, programme.totals().planned())
                    .money(4, programme.totals().delivered()).money(5, programme.totals().undelivered())
                    .money(6, programme.totals().gapToTarget());
            for (int i = 0; i < counts.length; i++) {
                sheet.count(7 + i, counts[i], styles.count());
                rag[i] += counts[i];
            }
            target = target.plus(programme.savingsTarget());
            planned = planned.plus(programme.totals().planned());
            delivered = delivered.plus(programme.totals().delivered());
            undelivered = undelivered.plus(programme.totals().undelivered());
            gap = gap.plus(programme.totals().gapToTarget());
        }
        sheet.row().text(0, "Total", styles.totalLabel()).text(1, "", styles.totalLabel())
                .money(2, target, styles.totalMoney()).money(3, planned, styles.totalMoney())
                .money(4, delivered, styles.totalMoney()).money(5, undelivered, styles.totalMoney())
                .money(6, gap, styles.totalMoney());
        for (int i = 0; i < rag.length; i++) {
            sheet.count(7 + i, rag[i], styles.totalCount());
        }
        sheet.skip();
        sheet.row().text(0, "Amounts in pounds. RAG counts are of the savings not withdrawn, by their status as "
                + "presented. A sheet per programme gives its years and savings; the last sheet, the changes "
                + "recorded since the previous report.", styles.note());
        sheet.widths(24, 36, 18, 18, 18, 18, 18, 8, 8, 8, 12);
    }

    /** Red, amber, green and not set, of the savings not withdrawn. */
    static long[] ragCounts(List<SavingPosition> savings) {
        long[] counts = new long[4];
        for (SavingPosition saving : savings) {
            if (saving.withdrawn()) {
                continue;
            }
            int status = saving.rag() == null ? -1 : RAG.indexOf(saving.rag());
            counts[status < 0 ? 3 : status]++;
        }
        return counts;
    }
}
