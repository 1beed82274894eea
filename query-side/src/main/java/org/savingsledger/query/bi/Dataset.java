package org.savingsledger.query.bi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.savingsledger.query.bi.Column.Type.BOOLEAN;
import static org.savingsledger.query.bi.Column.Type.DATE;
import static org.savingsledger.query.bi.Column.Type.DECIMAL;
import static org.savingsledger.query.bi.Column.Type.FINANCIAL_YEAR;
import static org.savingsledger.query.bi.Column.Type.INTEGER;
import static org.savingsledger.query.bi.Column.Type.MONEY;
import static org.savingsledger.query.bi.Column.Type.TEXT;
import static org.savingsledger.query.bi.Column.Type.TIMESTAMP;

/**
 * The BI datasets: their columns (stable, documented in docs/bi-datasets.md) and their rows
 * ({@link DatasetRows}), built from the read models one programme (or committee) at a time and in a
 * stable order, so the same request as at the same instant gives the same bytes.
 */
public enum Dataset {

    PROGRAMMES("programmes", "One row per programme: its targets, budget and totals.", List.of("programme_id"),
            List.of(
                    new Column("organisation", TEXT, "the organisation (council) that owns the programme"),
                    new Column("programme_id", TEXT, "the programme's id"),
                    new Column("name", TEXT, "the programme's name"),
                    new Column("first_year", FINANCIAL_YEAR, "first financial year of the programme"),
                    new Column("last_year", FINANCIAL_YEAR, "last financial year of the programme"),
                    new Column("savings_target", MONEY, "savings the programme must deliver over its period"),
                    new Column("budget_approved", MONEY, "cost budget approved"),
                    new Column("cost_drawn_down", MONEY, "cost drawn down against the budget"),
                    new Column("planned_total", MONEY, "planned savings over all years (withdrawn savings count 0)"),
                    new Column("delivered_total", MONEY, "savings delivered over all years"),
                    new Column("gap_to_target", MONEY, "savings_target minus planned_total"),
                    new Column("savings_count", INTEGER, "savings not withdrawn"),
                    new Column("withdrawn_savings_count", INTEGER, "savings withdrawn"),
                    new Column("effective_from", DATE, "when the programme took effect (its launch's effective date): "
                            + "with effectiveOn before it the row is there with no money"),
                    new Column("undelivered_total", MONEY, "planned_total minus delivered_total: savings found but still "
                            + "to deliver (negative when more was delivered than planned)"),
                    new Column("follows", TEXT, "the programme this one is a later phase of (empty when none)"),
                    new Column("directorate", TEXT, "the council directorate the programme belongs to (may be empty)"),
                    new Column("budget_pending", MONEY, "cost budget bid for and not yet decided (not in budget_approved)")),
            DatasetRows::programmes),

    SAVINGS("savings", "One row per saving (savings line): its attributes and totals.", List.of("saving_id"),
            List.of(
                    new Column("organisation", TEXT, "the organisation (council)"),
                    new Column("programme_id", TEXT, "the programme the saving belongs to"),
                    new Column("saving_id", TEXT, "the saving's id"),
                    new Column("title", TEXT, "the saving's title"),
                    new Column("workstream", TEXT, "its workstream, e.g. Early Resolution (may be empty)"),
                    new Column("owner", TEXT, "who owns its delivery (may be empty)"),
                    new Column("stage", TEXT, "CONCEPT, BUSINESS_CASE, IN_DELIVERY or DELIVERED"),
                    new Column("confidence", TEXT, "CONFIDENT or STRETCH"),
                    new Column("rag", TEXT, "RED, AMBER or GREEN (empty until set)"),
                    new Column("withdrawn", BOOLEAN, "whether the saving was withdrawn"),
                    new Column("planned_total", MONEY, "planned savings over all years (the profile's total)"),
                    new Column("delivered_total", MONEY, "savings delivered over all years"),
                    new Column("version", INTEGER, "the saving's last change counted (0 = proposed)"),
                    new Column("effective_from", DATE, "when the saving took effect (its proposal's effective date): "
                            + "with effectiveOn before it the row is there with no money"),
                    new Column("recurrence", TEXT, "RECURRING (kept in later years) or ONE_OFF (achieved in its year only)"),
                    new Column("category", TEXT, "COST_REDUCTION, INCOME_GENERATION or COST_AVOIDANCE (empty until given)"),
                    new Column("posts_planned_total", DECIMAL, "posts (FTE) planned to be reduced over all years"),
                    new Column("posts_delivered_total", DECIMAL, "posts (FTE) reduced over all years")), DatasetRows::savings),

    SAVING_YEARS("saving_years", "One row per saving and financial year of its programme: planned, delivered, slipped.",
            List.of("saving_id", "year"),
            List.of(
                    new Column("organisation", TEXT, "the organisation (council)"),
                    new Column("programme_id", TEXT, "the programme the saving belongs to"),
                    new Column("saving_id", TEXT, "the saving's id"),
                    new Column("year", FINANCIAL_YEAR, "the financial year"),
                    new Column("planned", MONEY, "savings planned in the year (the saving's own profile, also when withdrawn)"),
                    new Column("delivered", MONEY, "savings delivered in the year"),
                    new Column("slipped_in", MONEY, "planned money moved into the year by slips and bring-forwards"),
                    new Column("slipped_out", MONEY, "planned money moved out of the year by slips and bring-forwards"),
                    new Column("withdrawn", BOOLEAN, "whether the saving was withdrawn (then it counts 0 in planned totals)"),
                    new Column("posts_planned", DECIMAL,
                            "posts (FTE) planned to be reduced in the year (the saving's own plan, also when withdrawn)"),
                    new Column("posts_delivered", DECIMAL, "posts (FTE) reduced in the year")), DatasetRows::savingYears),

    CHANGES("changes", "One row per money change: every figure an event changed, before and after, with who, when and why.",
            List.of("programme_id", "saving_id", "version", "field", "year"),
            List.of(
                    new Column("organisation", TEXT, "the organisation (council)"),
                    new Column("programme_id", TEXT, "the programme"),
                    new Column("saving_id", TEXT, "the saving (empty for a change to the programme's own figures)"),
                    new Column("version", INTEGER, "the event's number in its saving's (or programme's) history"),
                    new Column("event_type", TEXT, "what happened, e.g. SavingSlippedToYear"),
                    new Column("year", FINANCIAL_YEAR, "the financial year changed (empty for a target, budget or drawdown)"),
                    new Column("field", TEXT, "planned, delivered, savingsTarget, budgetApproved, costDrawnDown, "
                            + "budgetPending, postsPlanned or postsDelivered"),
                    new Column("before", MONEY, "the figure before the change, as recorded"),
                    new Column("after", MONEY, "the figure after the change, as recorded"),
                    new Column("recorded_at", TIMESTAMP, "when the ledger recorded the change"),
                    new Column("effective_date", DATE, "when the change takes effect"),
                    new Column("actor", TEXT, "who made the change"),
                    new Column("reason", TEXT, "why"),
                    new Column("decision_ref", TEXT, "on whose authority, e.g. ASC&PH Committee 2018-03-12 item 9")), DatasetRows::changes),

    DELIVERIES("deliveries", "One row per delivery recorded or corrected: the money delivered, when, by whom and why.",
            List.of("saving_id", "version"),
            List.of(
                    new Column("organisation", TEXT, "the organisation (council)"),
                    new Column("programme_id", TEXT, "the programme"),
                    new Column("saving_id", TEXT, "the saving"),
                    new Column("version", INTEGER, "the event's number in the saving's history"),
                    new Column("kind", TEXT, "DELIVERY (savings achieved) or CORRECTION (a signed correction of an earlier figure)"),
                    new Column("year", FINANCIAL_YEAR, "the financial year delivered in"),
                    new Column("amount", MONEY, "the money delivered (negative for a correction downwards)"),
                    new Column("delivered_after", MONEY, "the year's delivered total after this change, as recorded"),
                    new Column("recorded_at", TIMESTAMP, "when the ledger recorded it"),
                    new Column("effective_date", DATE, "when it takes effect"),
                    new Column("actor", TEXT, "who recorded it"),
                    new Column("reason", TEXT, "why"),
                    new Column("decision_ref", TEXT, "on whose authority")), DatasetRows::deliveries),

    SLIPS("slips", "One row per slip or bring-forward: planned money moved between years, when, by whom and why.",
            List.of("saving_id", "version"),
            List.of(
                    new Column("organisation", TEXT, "the organisation (council)"),
                    new Column("programme_id", TEXT, "the programme"),
                    new Column("saving_id", TEXT, "the saving"),
                    new Column("version", INTEGER, "the event's number in the saving's history"),
                    new Column("kind", TEXT, "SLIP (to a later year) or BRING_FORWARD (to an earlier year)"),
                    new Column("from_year", FINANCIAL_YEAR, "the year the money left"),
                    new Column("to_year", FINANCIAL_YEAR, "the year the money went to"),
                    new Column("amount", MONEY, "the planned money moved"),
                    new Column("recorded_at", TIMESTAMP, "when the ledger recorded it"),
                    new Column("effective_date", DATE, "when it takes effect"),
                    new Column("actor", TEXT, "who made it"),
                    new Column("reason", TEXT, "why"),
                    new Column("decision_ref", TEXT, "on whose authority")), DatasetRows::slips),

    COMMITTEE_REPORTS("committee_reports", "One row per position report, programme and year: the figures exactly as presented.",
            List.of("report_id", "programme_id", "year"),
            List.of(
                    new Column("organisation", TEXT, "the organisation (council)"),
                    new Column("committee_id", TEXT, "the committee"),
                    new Column("committee_name", TEXT, "the committee's name"),
                    new Column("report_id", TEXT, "the position report"),
                    new Column("meeting_date", DATE, "the meeting the report went to"),
                    new Column("title", TEXT, "the report's title"),
                    new Column("presented_at", TIMESTAMP, "when it was presented: its figures are as known then"),
                    new Column("programme_id", TEXT, "a programme the report covers"),
                    new Column("year", FINANCIAL_YEAR, "the financial year"),
                    new Column("planned", MONEY, "planned savings in the year, as presented"),
                    new Column("delivered", MONEY, "savings delivered in the year, as presented"),
                    new Column("cumulative_planned", MONEY, "planned savings up to and including the year, as presented"),
                    new Column("cumulative_delivered", MONEY, "delivered savings up to and including the year, as presented"),
                    new Column("figures_effective_on", DATE, "the report counts changes effective on or before this "
                            + "date (its meeting date unless it gave the position at an earlier date)"),
                    new Column("undelivered", MONEY, "planned minus delivered in the year, as presented")), DatasetRows::committeeReports),

    WORKSTREAMS("workstreams", "One row per programme and workstream: the programme summary's byWorkstream.",
            List.of("programme_id", "workstream"),
            List.of(
                    new Column("organisation", TEXT, "the organisation (council)"),
                    new Column("programme_id", TEXT, "the programme"),
                    new Column("workstream", TEXT, "the workstream as recorded; NOT_SET for savings without one"),
                    new Column("planned_total", MONEY,
                            "planned savings of its savings over all years (withdrawn savings count 0)"),
                    new Column("delivered_total", MONEY, "savings delivered by its savings over all years")), DatasetRows::workstreams),

    FUNDING("funding", "One row per programme and funding source: budget approved and pending, cost drawn down.",
            List.of("programme_id", "source"),
            List.of(
                    new Column("organisation", TEXT, "the organisation (council)"),
                    new Column("programme_id", TEXT, "the programme"),
                    new Column("source", TEXT, "the funding source, e.g. DLUHC grant; NOT_SET for money that named none"),
                    new Column("budget_approved", MONEY, "cost budget approved from the source"),
                    new Column("budget_pending", MONEY, "cost budget bid for from the source and not yet decided"),
                    new Column("cost_drawn_down", MONEY, "cost drawn down on the source")), DatasetRows::funding);

    private final String fileName;
    private final String description;
    private final List<String> key;
    private final List<Column> columns;

    private final Rows rows;

    Dataset(String fileName, String description, List<String> key, List<Column> columns, Rows rows) {
        this.fileName = fileName;
        this.description = description;
        this.key = key;
        this.columns = columns;
        this.rows = rows;
    }

    /** How a dataset's rows are built: {@link DatasetRows} holds one such method per dataset. */
    @FunctionalInterface
    interface Rows {
        void write(Extraction extraction, BiQuery query, RowSink sink);
    }

    /** Writes the rows of the extract, in a stable order, to {@code sink}. */
    public void write(Extraction extraction, BiQuery query, RowSink sink) {
        rows.write(extraction, query, sink);
    }

    /** The name in URLs and files: {@code saving_years}. */
    public String fileName() {
        return fileName;
    }

    public String description() {
        return description;
    }

    /** The columns that identify a row. */
    public List<String> key() {
        return key;
    }

    public List<Column> columns() {
        return columns;
    }

    public static Optional<Dataset> named(String fileName) {
        return Arrays.stream(values()).filter(d -> d.fileName.equals(fileName)).findFirst();
    }
}
