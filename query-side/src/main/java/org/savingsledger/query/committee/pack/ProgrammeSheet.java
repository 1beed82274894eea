package org.savingsledger.query.committee.pack;

import org.savingsledger.query.committee.ReportPack;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.programme.YearLine;
import org.savingsledger.query.saving.SavingPosition;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Total;

import java.util.List;

/**
 * One programme as presented: its per-year table with a totals row, then its savings lines with their
 * planned and delivered money in each of the programme's years. A withdrawn saving's planned money counts
 * 0, as in the programme's totals, so each year's savings lines add up to the year's row above.
 */
final class ProgrammeSheet {

    private static final String[] YEAR_HEADERS = {"Year", "Planned", "Delivered", "Slipped in", "Slipped out",
            "Undelivered", "Cumulative planned", "Cumulative delivered"};
    private static final String[] SAVING_HEADERS = {"Saving", "Title", "Workstream", "Owner", "Stage", "Confidence",
            "RAG", "Withdrawn"};

    private ProgrammeSheet() {
    }

    static void write(PackSheet sheet, ReportPack pack, ProgrammeSummary programme) {
        PackStyles styles = sheet.styles();
        ReportHeading.write(sheet, programme.name() + ": " + pack.report().title() + ", meeting of "
                + ReportHeading.longDate(pack.report().meetingDate()), pack);
        sheet.row().text(0, "Programme", styles.label()).text(1, programme.id());
        sheet.row().text(0, "Savings target", styles.label()).money(1, programme.savingsTarget())
                .freezeThroughHere(1);
        sheet.skip();
        sheet.row().text(0, "Per year", styles.label());
        sheet.row().headers(YEAR_HEADERS);
        Total slippedIn = Total.ZERO;
        Total slippedOut = Total.ZERO;
        for (YearLine line : programme.years()) {
            sheet.row().text(0, line.year().toString()).money(1, line.planned()).money(2, line.delivered())
                    .money(3, line.slippedIn()).money(4, line.slippedOut()).money(5, line.undelivered())
                    .money(6, line.cumulativePlanned()).money(7, line.cumulativeDelivered());
            slippedIn = slippedIn.plus(line.slippedIn());
            slippedOut = slippedOut.plus(line.slippedOut());
        }
        sheet.row().text(0, "Total", styles.totalLabel()).money(1, programme.totals().planned(), styles.totalMoney())
                .money(2, programme.totals().delivered(), styles.totalMoney()).money(3, slippedIn, styles.totalMoney())
                .money(4, slippedOut, styles.totalMoney()).money(5, programme.totals().undelivered(), styles.totalMoney());
        sheet.skip();
        savings(sheet, programme, pack.savings().getOrDefault(programme.id(), List.of()));
        int[] widths = new int[SAVING_HEADERS.length + 2 * programme.years().size() + 2];
        int[] first = {24, 36, 22, 20, 16, 16, 16, 16};
        for (int column = 0; column < widths.length; column++) {
            widths[column] = column < first.length ? first[column] : 16;
        }
        sheet.widths(widths);
    }

    private static void savings(PackSheet sheet, ProgrammeSummary programme, List<SavingPosition> savings) {
        PackStyles styles = sheet.styles();
        sheet.row().text(0, "Savings as presented", styles.label());
        List<FinancialYear> years = programme.years().stream().map(YearLine::year).toList();
        sheet.row().headers(SAVING_HEADERS);
        int column = SAVING_HEADERS.length;
        for (FinancialYear year : years) {
            sheet.text(column++, year + " planned", styles.header()).text(column++, year + " delivered", styles.header());
        }
        sheet.text(column++, "Total planned", styles.header()).text(column, "Total delivered", styles.header());
        if (savings.isEmpty()) {
            sheet.row().text(0, "No saving had been proposed when the report was presented.", styles.note());
            return;
        }
        for (SavingPosition saving : savings) {
            sheet.row().text(0, saving.id()).text(1, saving.title()).text(2, saving.workstream()).text(3, saving.owner())
                    .text(4, saving.stage()).text(5, saving.confidence())
                    .text(6, saving.rag() == null ? "Not set" : saving.rag()).text(7, saving.withdrawn() ? "Yes" : "No");
            int c = SAVING_HEADERS.length;
            for (FinancialYear year : years) {
                sheet.money(c++, saving.plannedIn(year)).money(c++, SavingPosition.amountIn(saving.delivered(), year));
            }
            sheet.money(c++, saving.plannedTotal()).money(c, saving.deliveredTotal());
        }
    }
}
