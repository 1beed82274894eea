package org.savingsledger.ops;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.savingsledger.command.committee.AssignProgrammeToCommittee;
import org.savingsledger.command.committee.EstablishCommittee;
import org.savingsledger.command.committee.PresentPositionReport;
import org.savingsledger.command.organisation.RegisterOrganisation;
import org.savingsledger.command.programme.LaunchProgramme;
import org.savingsledger.command.rules.LedgerDirectory;
import org.savingsledger.command.saving.ProposeSaving;
import org.savingsledger.command.saving.SlipSavingToYear;
import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.OrganisationId;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.ReportId;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo data set, loaded by {@code --demo} through the same commands a user would send:
 * Nottinghamshire's Adult Social Care savings (report of 12 March 2018, Figure 1, columns A, B
 * and C as savings lines, then the £1.0m slip of 2018/19 Council savings to 2020/21) and
 * Leicestershire's Transformation Programme profile (Cabinet, 19 April 2016, Figure 2).
 * Both organisations are registered first. Loading is skipped when the demo programmes already exist, so
 * {@code --demo} can stay on.
 */
@Component
class DemoData implements ApplicationRunner {

    static final OrganisationId NOTTINGHAMSHIRE = OrganisationId.of("nottinghamshire");
    static final OrganisationId LEICESTERSHIRE = OrganisationId.of("leicestershire");
    static final ProgrammeId NOTTS_PROGRAMME = ProgrammeId.of("notts-asc-savings");
    static final SavingId NOTTS_COLUMN_A = SavingId.of("notts-asc-column-a");
    static final SavingId NOTTS_COLUMN_B = SavingId.of("notts-asc-column-b");
    static final SavingId NOTTS_COLUMN_C = SavingId.of("notts-asc-column-c");
    static final CommitteeId NOTTS_COMMITTEE = CommitteeId.of("notts-ascph-committee");
    static final ReportId NOTTS_REPORT = ReportId.of("notts-ascph-2018-03-12");
    static final ProgrammeId LEICS_PROGRAMME = ProgrammeId.of("leics-transformation");
    static final SavingId LEICS_PROFILE = SavingId.of("leics-transformation-profile");
    static final CommitteeId LEICS_CABINET = CommitteeId.of("leics-cabinet");
    static final ReportId LEICS_REPORT = ReportId.of("leics-cabinet-2016-04-19");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String ACTOR = "demo";
    private static final String NOTTS_DECISION = "ASC&PH Committee 2018-03-12 item 9";
    private static final String LEICS_DECISION = "Cabinet 2016-04-19 paragraphs 41-43";

    private final CommandGateway commands;
    private final LedgerDirectory directory;
    private final Clock clock;

    DemoData(CommandGateway commands, LedgerDirectory directory, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption("demo")) {
            load();
        }
    }

    /**
     * Loads both councils unless they are there already; answers whether it loaded any programme. The
     * organisations come first, and are registered also in demo data loaded before organisations existed.
     */
    boolean load() {
        register(NOTTINGHAMSHIRE, "Nottinghamshire County Council", "E10000024", LocalDate.of(2018, 2, 26));
        register(LEICESTERSHIRE, "Leicestershire County Council", "E10000018", LocalDate.of(2016, 4, 19));
        if (directory.isTaken(NOTTS_PROGRAMME.value())) {
            log.info("Demo data already loaded; nothing to do");
            return false;
        }
        loadNottinghamshire();
        loadLeicestershire();
        log.info("Demo data loaded: programmes {} and {}", NOTTS_PROGRAMME, LEICS_PROGRAMME);
        return true;
    }

    private void register(OrganisationId organisation, String name, String gssCode, LocalDate effective) {
        if (!directory.isTaken(organisation.value())) {
            commands.sendAndWait(new RegisterOrganisation(organisation, name, gssCode,
                    new Provenance(ACTOR, null, effective, null)));
        }
    }

    private void loadNottinghamshire() {
        Provenance budget = new Provenance(ACTOR, "Savings programme as in the Budget Report",
                LocalDate.of(2018, 2, 26), "Finance and Major Contract Management Committee 2018-02-26 Budget Report");
        // "Future years" of column C are recorded in 2021/22, the year Newton profiles them from.
        commands.sendAndWait(new LaunchProgramme(NOTTS_PROGRAMME, "nottinghamshire",
                "Adult Social Care savings programme",
                "Council savings 2018/19 to 2020/21 and Newton's diagnostic proposals (report to ASC&PH Committee, 12 March 2018)",
                Money.pounds(17_981_000), FinancialYear.parse("2018/19"), FinancialYear.parse("2021/22"), budget));
        commands.sendAndWait(new ProposeSaving(NOTTS_COLUMN_A, NOTTS_PROGRAMME,
                "Column A: Council savings proposals out of scope of Newton analysis (continue)",
                "Council savings", "Transformation Director, ASC", Confidence.CONFIDENT, Stage.IN_DELIVERY,
                profile("2018/19", 6_804_000, "2019/20", 588_000, "2020/21", 53_000), budget));
        commands.sendAndWait(new ProposeSaving(NOTTS_COLUMN_B, NOTTS_PROGRAMME,
                "Column B: Council savings proposals in scope of Newton analysis (existing profile)",
                "Council savings", "Transformation Director, ASC", Confidence.CONFIDENT, Stage.IN_DELIVERY,
                profile("2018/19", 5_379_000, "2019/20", 3_461_000, "2020/21", 1_696_000), budget));
        commands.sendAndWait(new ProposeSaving(NOTTS_COLUMN_C, NOTTS_PROGRAMME,
                "Column C: New Newton savings proposals starting 1/4/18",
                "Newton proposals", "Transformation Director, ASC", Confidence.CONFIDENT, Stage.BUSINESS_CASE,
                profile("2018/19", 712_000, "2019/20", 5_414_000, "2020/21", 7_878_000, "2021/22", 6_219_000),
                new Provenance(ACTOR, "Newton diagnostic, November 2017", LocalDate.of(2018, 3, 12), NOTTS_DECISION)));

        Provenance committee = new Provenance(ACTOR, null, LocalDate.of(2018, 3, 12), null);
        commands.sendAndWait(new EstablishCommittee(NOTTS_COMMITTEE, "nottinghamshire",
                "Adult Social Care and Public Health Committee", committee));
        commands.sendAndWait(new AssignProgrammeToCommittee(NOTTS_COMMITTEE, NOTTS_PROGRAMME, committee, null));
        commands.sendAndWait(new PresentPositionReport(NOTTS_COMMITTEE, NOTTS_REPORT, LocalDate.of(2018, 3, 12),
                "Savings profile (Figure 1) before the Newton re-profiling", null, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), null,
                new Provenance(ACTOR, null, LocalDate.of(2018, 3, 12), NOTTS_DECISION), null));

        commands.sendAndWait(new SlipSavingToYear(NOTTS_COLUMN_B, FinancialYear.parse("2018/19"),
                FinancialYear.parse("2020/21"), Money.pounds(1_000_000),
                new Provenance(ACTOR, "Newton identified the 2018/19 Council savings as the biggest risk: £1.0m is"
                        + " slipped to 2020/21, keeping the Council's total the same (report paragraph 18A)",
                        LocalDate.of(2018, 3, 12), NOTTS_DECISION), null));
    }

    private void loadLeicestershire() {
        Provenance cabinet = new Provenance(ACTOR, "Transformation Programme refocused on the 2016-2020 MTFS",
                LocalDate.of(2016, 4, 19), LEICS_DECISION);
        commands.sendAndWait(new LaunchProgramme(LEICS_PROGRAMME, "leicestershire", "Transformation Programme",
                "Supports the delivery of £35.4m savings over the four-year MTFS (Cabinet, 19 April 2016, Figure 2)",
                Money.pounds(35_400_000), FinancialYear.parse("2016/17"), FinancialYear.parse("2019/20"), cabinet));
        commands.sendAndWait(new ProposeSaving(LEICS_PROFILE, LEICS_PROGRAMME,
                "Transformation Programme profile (Figure 2)", "Transformation Programme",
                "Director of Corporate Resources", Confidence.CONFIDENT, Stage.IN_DELIVERY,
                profile("2016/17", 9_900_000, "2017/18", 9_000_000, "2018/19", 9_300_000, "2019/20", 7_200_000),
                cabinet));
        Provenance committee = new Provenance(ACTOR, null, LocalDate.of(2016, 4, 19), null);
        commands.sendAndWait(new EstablishCommittee(LEICS_CABINET, "leicestershire", "Cabinet", committee));
        commands.sendAndWait(new AssignProgrammeToCommittee(LEICS_CABINET, LEICS_PROGRAMME, committee, null));
        commands.sendAndWait(new PresentPositionReport(LEICS_CABINET, LEICS_REPORT, LocalDate.of(2016, 4, 19),
                "Transformation Programme profile (Figure 2)", null, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), null,
                new Provenance(ACTOR, null, LocalDate.of(2016, 4, 19), LEICS_DECISION), null));
    }

    /** Pairs of year and whole pounds. */
    private static SavingsProfile profile(Object... yearsAndPounds) {
        Map<FinancialYear, Money> amounts = new LinkedHashMap<>();
        for (int i = 0; i < yearsAndPounds.length; i += 2) {
            amounts.put(FinancialYear.parse((String) yearsAndPounds[i]),
                    Money.pounds(((Number) yearsAndPounds[i + 1]).longValue()));
        }
        return SavingsProfile.of(amounts);
    }
}
