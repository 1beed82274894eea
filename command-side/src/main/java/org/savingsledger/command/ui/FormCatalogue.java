package org.savingsledger.command.ui;

import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.web.PageCommands.Kind;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.Stage;
import org.savingsledger.web.pages.Done;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.savingsledger.command.ui.Form.Input.DATE;
import static org.savingsledger.command.ui.Form.Input.HIDDEN;
import static org.savingsledger.command.ui.Form.Input.MONEY;
import static org.savingsledger.command.ui.Form.Input.PROFILE;
import static org.savingsledger.command.ui.Form.Input.TEXTAREA;
import static org.savingsledger.command.ui.Form.Input.YEAR;

/**
 * The forms for the everyday commands, each with the fields of its API request. Every form that changes figures
 * asks why, on whose authority and from when, as the API does.
 */
final class FormCatalogue {

    private static final List<Form> FORMS = List.of(
            saving("deliveries", Kind.RECORD_DELIVERY, "Record a delivery", "Record the delivery", Done.DELIVERY_RECORDED,
                    Form.of("year", "Financial year", "The year the savings were delivered in", YEAR),
                    Form.of("amount", "Amount delivered (£)", "In pounds and pence, for example 1250.50; it is added to "
                            + "what the year has delivered", MONEY)),
            saving("delivery-corrections", Kind.CORRECT_DELIVERY, "Correct a delivery", "Correct the delivery", Done.DELIVERY_CORRECTED,
                    Form.of("year", "Financial year", "The year whose delivered total is wrong", YEAR),
                    Form.of("amount", "Correction (£)", "Signed, for example -1000.00 to take £1,000 off; never below 0 in "
                            + "total", MONEY)),
            saving("slips", Kind.SLIP, "Slip savings to a later year", "Slip the savings", Done.SAVING_SLIPPED,
                    Form.of("amount", "Amount to move (£)", "At most what is planned and not yet delivered in the year it "
                            + "leaves", MONEY),
                    Form.of("fromYear", "From financial year", null, YEAR),
                    Form.of("toYear", "To financial year", "A later year", YEAR)),
            saving("bring-forwards", Kind.BRING_FORWARD, "Bring savings forward to an earlier year", "Bring the savings forward",
                    Done.SAVING_BROUGHT_FORWARD,
                    Form.of("amount", "Amount to move (£)", "At most what is planned and not yet delivered in the year it "
                            + "leaves", MONEY),
                    Form.of("fromYear", "From financial year", null, YEAR),
                    Form.of("toYear", "To financial year", "An earlier year", YEAR)),
            saving("stage", Kind.CHANGE_STAGE, "Change the stage", "Change the stage", Done.STAGE_CHANGED,
                    Form.choice("stage", "Stage", Form.all(Stage.class))),
            saving("confidence", Kind.CHANGE_CONFIDENCE, "Change the confidence", "Change the confidence",
                    Done.CONFIDENCE_CHANGED, Form.choice("confidence", "Confidence", Form.all(Confidence.class))),
            saving("rag", Kind.CHANGE_RAG, "Change the RAG status", "Change the RAG status", Done.RAG_CHANGED,
                    Form.choice("status", "RAG status", Form.all(Rag.class))),
            new Form("savings", LedgerKind.PROGRAMME, Kind.PROPOSE_SAVING, "Propose a saving", "Propose the saving",
                    List.of(Form.text("id", "Saving id", "Lower-case letters, digits and hyphens, for example "
                                    + "notts-asc-07; leave blank and the ledger makes one"),
                            Form.text("title", "Title", null),
                            Form.text("workstream", "Workstream (optional)", null),
                            Form.text("owner", "Owner (optional)", "Who is responsible for delivering it"),
                            Form.choice("stage", "Stage", List.of(Stage.CONCEPT, Stage.BUSINESS_CASE, Stage.IN_DELIVERY)),
                            Form.choice("confidence", "Confidence", Form.all(Confidence.class)),
                            Form.of("profile", "Planned savings by financial year (£)", "In pounds and pence; leave a "
                                    + "year blank for none", PROFILE),
                            Form.of("reason", "Why (optional)", null, TEXTAREA),
                            decisionRef(), effectiveDate()),
                    Done.SAVING_PROPOSED),
            new Form("reports", LedgerKind.COMMITTEE, Kind.PRESENT_REPORT, "Present a position report", "Present the report",
                    List.of(Form.of("meetingDate", "Meeting date", "For example, 2018-07-09. The report takes effect on it",
                                    DATE),
                            Form.text("title", "Title", "For example, Savings position report, July 2018"),
                            Form.of("figuresEffectiveOn", "Figures effective on (optional)", "The figures count the "
                                    + "changes effective on or before this date; leave blank for the meeting date", DATE),
                            Form.of("reason", "Why (optional)", null, TEXTAREA),
                            decisionRef(), Form.of("expectedVersion", "Version", null, HIDDEN)),
                    Done.REPORT_PRESENTED));

    private FormCatalogue() {
    }

    /** The form at {@code /ui/edit/{kind}/{id}/{slug}}. */
    static Optional<Form> find(LedgerKind target, String slug) {
        return FORMS.stream().filter(form -> form.target() == target && form.slug().equals(slug)).findFirst();
    }

    /** A saving's form: its own fields, then why, on whose authority, from when, and the version the user saw. */
    private static Form saving(String slug, Kind command, String title, String button, Done done, Form.Field... own) {
        List<Form.Field> fields = new ArrayList<>(List.of(own));
        fields.add(Form.of("reason", "Why", "Recorded in the saving's history", TEXTAREA));
        fields.add(decisionRef());
        fields.add(effectiveDate());
        fields.add(Form.of("expectedVersion", "Version", null, HIDDEN));
        return new Form(slug, LedgerKind.SAVING, command, title, button, List.copyOf(fields), done);
    }

    private static Form.Field decisionRef() {
        return Form.text("decisionRef", "Decision reference (optional)", "On whose authority, for example "
                + "ASC&PH Committee 2018-07-09 item 6");
    }

    private static Form.Field effectiveDate() {
        return Form.of("effectiveDate", "Effective date (optional)", "For example, 2018-06-30; leave blank for today",
                DATE);
    }
}
