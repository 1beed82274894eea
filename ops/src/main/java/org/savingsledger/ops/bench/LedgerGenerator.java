package org.savingsledger.ops.bench;

import org.savingsledger.command.committee.AssignProgrammeToCommittee;
import org.savingsledger.command.committee.EstablishCommittee;
import org.savingsledger.command.committee.PresentPositionReport;
import org.savingsledger.command.programme.LaunchProgramme;
import org.savingsledger.command.saving.BringSavingForward;
import org.savingsledger.command.saving.ChangeSavingRag;
import org.savingsledger.command.saving.CorrectSavingDelivery;
import org.savingsledger.command.saving.ProposeSaving;
import org.savingsledger.command.saving.RecordSavingDelivered;
import org.savingsledger.command.saving.SlipSavingToYear;
import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.ReportId;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A synthetic ledger for benchmarks (issue #7): organisations with programmes of savings over
 * several years, each saving with a history of deliveries, slips, bring-forwards, corrections and RAG
 * changes, and a committee per organisation with quarterly position reports — as commands, in an
 * order the ledger accepts, every one producing exactly one event. The same shape and seed give the
 * same commands, so runs compare. Money is whole pence; nothing is random but the seeded
 * {@link Random}.
 */
public final class LedgerGenerator {

    /** How big a ledger: e.g. 300 × 5 × 40 × 6 years for the shared service. */
    public record Shape(int organisations, int programmesPerOrganisation, int savingsPerProgramme, int years,
                        int changesPerSaving, int reportsPerCommittee) {

        /** Commands (= events) this shape generates. */
        public long events() {
            long programmes = (long) organisations * programmesPerOrganisation;
            long savings = programmes * savingsPerProgramme;
            return programmes + savings * (1 + changesPerSaving) + organisations + programmes
                    + (long) organisations * reportsPerCommittee;
        }
    }

    private static final int FIRST_YEAR = 2020;
    private static final Rag[] RAGS = Rag.values();

    private final Shape shape;
    private final long seed;

    public LedgerGenerator(Shape shape, long seed) {
        this.shape = shape;
        this.seed = seed;
    }

    /** Hands every command to {@code sink}, one organisation at a time (memory holds one saving's state). */
    public void generate(Consumer<Object> sink) {
        Random random = new Random(seed);
        FinancialYear first = FinancialYear.of(FIRST_YEAR);
        FinancialYear last = FinancialYear.of(FIRST_YEAR + shape.years() - 1);
        for (int o = 0; o < shape.organisations(); o++) {
            String organisation = "council-%03d".formatted(o);
            List<ProgrammeId> programmes = new ArrayList<>();
            for (int p = 0; p < shape.programmesPerOrganisation(); p++) {
                ProgrammeId programme = ProgrammeId.of("%s-p%d-%s".formatted(organisation, p, Long.toString(Math.abs(seed), 36)));
                programmes.add(programme);
                sink.accept(new LaunchProgramme(programme, organisation, "Transformation programme " + p, null,
                        Money.pounds(1_000_000L * shape.savingsPerProgramme()), first, last,
                        provenance("launch", LocalDate.of(FIRST_YEAR, 2, 20))));
                for (int s = 0; s < shape.savingsPerProgramme(); s++) {
                    saving(sink, random, programme, SavingId.of("%s-s%d".formatted(programme.value(), s)));
                }
            }
            CommitteeId committee = CommitteeId.of(organisation + "-cabinet-" + Long.toString(Math.abs(seed), 36));
            sink.accept(new EstablishCommittee(committee, organisation, "Cabinet", provenance(null, LocalDate.of(FIRST_YEAR, 4, 1))));
            for (ProgrammeId programme : programmes) {
                sink.accept(new AssignProgrammeToCommittee(committee, programme, provenance(null, LocalDate.of(FIRST_YEAR, 4, 1)), null));
            }
            for (int r = 0; r < shape.reportsPerCommittee(); r++) {
                LocalDate meeting = LocalDate.of(FIRST_YEAR, 6, 30).plusMonths(3L * r);
                sink.accept(new PresentPositionReport(committee, ReportId.of(committee.value() + "-q" + r), meeting,
                        "Quarterly savings position " + (r + 1), programmes, Instant.parse("2020-07-01T09:00:00Z")
                        .plusSeconds(r * 7_776_000L), provenance(null, meeting), null));
            }
        }
    }

    /** A saving and its history; the generator keeps its figures so every change is one the rules allow. */
    private void saving(Consumer<Object> sink, Random random, ProgrammeId programme, SavingId saving) {
        Map<Integer, Long> planned = new TreeMap<>();
        Map<Integer, Long> delivered = new TreeMap<>();
        Map<FinancialYear, Money> profile = new TreeMap<>();
        for (int y = 0; y < shape.years(); y++) {
            long pence = 100_000L * (50 + random.nextInt(950));
            planned.put(y, pence);
            delivered.put(y, 0L);
            profile.put(FinancialYear.of(FIRST_YEAR + y), Money.ofPence(pence));
        }
        sink.accept(new ProposeSaving(saving, programme, "Saving " + saving.value(), "Workstream " + random.nextInt(8),
                "Owner " + random.nextInt(40), Confidence.values()[random.nextInt(Confidence.values().length)],
                Stage.IN_DELIVERY, SavingsProfile.of(profile), provenance(null, LocalDate.of(FIRST_YEAR, 3, 1))));
        Rag rag = null;
        for (int c = 0; c < shape.changesPerSaving(); c++) {
            LocalDate effective = LocalDate.of(FIRST_YEAR, 4, 1).plusDays((long) c * 365 * shape.years()
                    / Math.max(1, shape.changesPerSaving()));
            int year = random.nextInt(shape.years());
            long undelivered = planned.get(year) - delivered.get(year);
            int kind = random.nextInt(10);
            Object command;
            if (kind <= 4 && undelivered > 100) {
                long amount = 1 + random.nextLong(Math.max(1, undelivered / 4));
                delivered.merge(year, amount, Long::sum);
                command = new RecordSavingDelivered(saving, fy(year), Money.ofPence(amount), provenance("outturn", effective), null);
            } else if (kind <= 6 && undelivered > 100 && year + 1 < shape.years()) {
                long amount = 1 + random.nextLong(undelivered / 2);
                planned.merge(year, -amount, Long::sum);
                planned.merge(year + 1, amount, Long::sum);
                command = new SlipSavingToYear(saving, fy(year), fy(year + 1), Money.ofPence(amount), provenance("slip", effective), null);
            } else if (kind == 7 && year > 0 && planned.get(year) - delivered.get(year) > 100) {
                long amount = 1 + random.nextLong((planned.get(year) - delivered.get(year)) / 2);
                planned.merge(year, -amount, Long::sum);
                planned.merge(year - 1, amount, Long::sum);
                command = new BringSavingForward(saving, fy(year), fy(year - 1), Money.ofPence(amount), provenance("ahead", effective), null);
            } else if (kind == 8 && delivered.get(year) > 10) {
                long amount = 1 + random.nextLong(delivered.get(year) / 10);
                delivered.merge(year, -amount, Long::sum);
                command = new CorrectSavingDelivery(saving, fy(year), Money.ofPence(-amount), provenance("correction", effective), null);
            } else {
                Rag next;
                do {
                    next = RAGS[random.nextInt(RAGS.length)];
                } while (next == rag);
                rag = next;
                command = new ChangeSavingRag(saving, next, provenance("monthly review", effective), null);
            }
            sink.accept(command);
        }
    }

    private static FinancialYear fy(int offset) {
        return FinancialYear.of(FIRST_YEAR + offset);
    }

    private static Provenance provenance(String reason, LocalDate effective) {
        return new Provenance("generator", reason, effective, null);
    }
}
