package org.savingsledger.ops.bench;

import org.savingsledger.command.committee.AssignProgrammeToCommittee;
import org.savingsledger.command.committee.EstablishCommittee;
import org.savingsledger.command.committee.PresentPositionReport;
import org.savingsledger.command.organisation.RegisterOrganisation;
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
import org.savingsledger.shared.OrganisationId;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.ReportId;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

import org.savingsledger.events.LedgerEvent;
import org.savingsledger.events.committee.CommitteeEstablished;
import org.savingsledger.events.committee.PositionReportPresented;
import org.savingsledger.events.committee.ProgrammeAssignedToCommittee;
import org.savingsledger.events.organisation.OrganisationRegistered;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.saving.SavingBroughtForward;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingRagChanged;
import org.savingsledger.events.saving.SavingSlippedToYear;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A synthetic ledger for benchmarks: organisations with programmes of savings over
 * several years, each saving with a history of deliveries, slips, bring-forwards, corrections and RAG
 * changes, and a committee per organisation with quarterly position reports — as commands, in an
 * order the ledger accepts, every one producing exactly one event. The same shape and seed give the
 * same commands, so runs compare. Money is whole pence; nothing is random but the seeded
 * {@link Random}.
 *
 * <p>Slightly over the ~250 lines other classes keep to: a third of it is the one table from each
 * generated command to the event the ledger stores for it, which reads best checked in one place.
 */
public final class LedgerGenerator {

    /** How big a ledger: e.g. 300 × 5 × 40 × 6 years for the shared service. */
    public record Shape(int organisations, int programmesPerOrganisation, int savingsPerProgramme, int years,
                        int changesPerSaving, int reportsPerCommittee) {

        /** Commands (= events) this shape generates. */
        public long events() {
            long programmes = (long) organisations * programmesPerOrganisation;
            long savings = programmes * savingsPerProgramme;
            return organisations + programmes + savings * (1 + changesPerSaving) + organisations + programmes
                    + (long) organisations * reportsPerCommittee;
        }
    }

    private static final int FIRST_YEAR = 2020;
    private static final Rag[] RAGS = Rag.values();

    private final Shape shape;
    private final long seed;
    private final int firstYear;

    public LedgerGenerator(Shape shape, long seed) {
        this(shape, seed, FIRST_YEAR);
    }

    /** A ledger whose programmes begin in the financial year starting in April of {@code firstYear}. */
    public LedgerGenerator(Shape shape, long seed, int firstYear) {
        this.shape = shape;
        this.seed = seed;
        this.firstYear = firstYear;
    }

    /**
     * An event as the ledger stores it: the aggregate's type and id, its sequence number in that
     * aggregate, when it was recorded and its payload.
     */
    public record SeedEvent(String aggregateType, String aggregateId, long sequence, Instant recordedAt, LedgerEvent payload) {
    }

    /**
     * Hands {@code sink} the events the ledger would store for {@link #generate}'s commands, in the
     * same order, as the aggregates would apply them — for loading a large ledger straight into the
     * event store (LedgerGeneratorTest checks they equal what the command side stores). Recording
     * instants follow the commands' effective dates (9:00 UTC, a second apart within an aggregate),
     * so a seeded ledger has years of history to ask {@code asAt} about; a position report is
     * recorded when it was presented.
     */
    public void events(Consumer<SeedEvent> sink) {
        Map<String, Long> sequences = new HashMap<>();
        Map<String, Instant> lastRecorded = new HashMap<>();
        Map<SavingId, ProgrammeId> programmeOf = new HashMap<>();
        Map<SavingId, Rag> ragOf = new HashMap<>();
        generate(command -> {
            String type;
            String id;
            LedgerEvent event;
            Instant recorded = null;
            if (command instanceof RegisterOrganisation c) {
                type = "Organisation";
                id = c.organisationId().value();
                event = new OrganisationRegistered(c.organisationId(), c.name(), c.gssCode(), c.provenance());
            } else if (command instanceof LaunchProgramme c) {
                type = "Programme";
                id = c.programmeId().value();
                event = new ProgrammeLaunched(c.programmeId(), c.organisation(), c.name(), c.description(),
                        c.savingsTarget(), c.firstYear(), c.lastYear(), c.provenance());
            } else if (command instanceof ProposeSaving c) {
                type = "Saving";
                id = c.savingId().value();
                programmeOf.put(c.savingId(), c.programmeId());
                event = new SavingProposed(c.savingId(), c.programmeId(), c.title(), c.workstream(), c.owner(),
                        c.confidence(), c.stage(), c.profile(), c.provenance());
            } else if (command instanceof RecordSavingDelivered c) {
                type = "Saving";
                id = c.savingId().value();
                event = new SavingDeliveryRecorded(c.savingId(), programmeOf.get(c.savingId()), c.year(), c.amount(),
                        c.provenance());
            } else if (command instanceof SlipSavingToYear c) {
                type = "Saving";
                id = c.savingId().value();
                event = new SavingSlippedToYear(c.savingId(), programmeOf.get(c.savingId()), c.fromYear(), c.toYear(),
                        c.amount(), c.provenance());
            } else if (command instanceof BringSavingForward c) {
                type = "Saving";
                id = c.savingId().value();
                event = new SavingBroughtForward(c.savingId(), programmeOf.get(c.savingId()), c.fromYear(), c.toYear(),
                        c.amount(), c.provenance());
            } else if (command instanceof CorrectSavingDelivery c) {
                type = "Saving";
                id = c.savingId().value();
                event = new SavingDeliveryCorrected(c.savingId(), programmeOf.get(c.savingId()), c.year(), c.amount(),
                        c.provenance());
            } else if (command instanceof ChangeSavingRag c) {
                type = "Saving";
                id = c.savingId().value();
                event = new SavingRagChanged(c.savingId(), programmeOf.get(c.savingId()), ragOf.get(c.savingId()),
                        c.status(), c.provenance());
                ragOf.put(c.savingId(), c.status());
            } else if (command instanceof EstablishCommittee c) {
                type = "Committee";
                id = c.committeeId().value();
                event = new CommitteeEstablished(c.committeeId(), c.organisation(), c.name(), c.provenance());
            } else if (command instanceof AssignProgrammeToCommittee c) {
                type = "Committee";
                id = c.committeeId().value();
                event = new ProgrammeAssignedToCommittee(c.committeeId(), c.programmeId(), c.provenance());
            } else if (command instanceof PresentPositionReport c) {
                type = "Committee";
                id = c.committeeId().value();
                event = new PositionReportPresented(c.committeeId(), c.reportId(), c.meetingDate(), c.title(),
                        c.programmeIds(), c.presentedAt(), c.figuresEffectiveOn(), c.provenance());
                recorded = c.presentedAt();
            } else {
                throw new IllegalStateException("the generator made a command it cannot store: " + command);
            }
            long sequence = sequences.merge(id, 1L, Long::sum) - 1;
            if (recorded == null) {
                recorded = event.provenance().effectiveDate()
                        .atTime(9, 0).toInstant(ZoneOffset.UTC);
            }
            Instant previous = lastRecorded.get(id);
            if (previous != null && !recorded.isAfter(previous)) {
                recorded = previous.plusSeconds(1);
            }
            lastRecorded.put(id, recorded);
            sink.accept(new SeedEvent(type, id, sequence, recorded, event));
        });
    }

    /** Hands every command to {@code sink}, one organisation at a time (memory holds one saving's state). */
    public void generate(Consumer<Object> sink) {
        Random random = new Random(seed);
        FinancialYear first = FinancialYear.of(firstYear);
        FinancialYear last = FinancialYear.of(firstYear + shape.years() - 1);
        for (int o = 0; o < shape.organisations(); o++) {
            // each seed's organisations are its own (ids are unique across the ledger); its other ids keep their names
            String council = "council-%03d".formatted(o);
            String organisation = council + "-" + Long.toString(Math.abs(seed), 36);
            sink.accept(new RegisterOrganisation(OrganisationId.of(organisation), "Council " + o, null,
                    provenance(null, LocalDate.of(firstYear, 1, 6))));
            List<ProgrammeId> programmes = new ArrayList<>();
            for (int p = 0; p < shape.programmesPerOrganisation(); p++) {
                ProgrammeId programme = ProgrammeId.of("%s-p%d-%s".formatted(council, p, Long.toString(Math.abs(seed), 36)));
                programmes.add(programme);
                sink.accept(new LaunchProgramme(programme, organisation, "Transformation programme " + p, null,
                        Money.pounds(1_000_000L * shape.savingsPerProgramme()), first, last,
                        provenance("launch", LocalDate.of(firstYear, 2, 20))));
                for (int s = 0; s < shape.savingsPerProgramme(); s++) {
                    saving(sink, random, programme, SavingId.of("%s-s%d".formatted(programme.value(), s)));
                }
            }
            CommitteeId committee = CommitteeId.of(council + "-cabinet-" + Long.toString(Math.abs(seed), 36));
            sink.accept(new EstablishCommittee(committee, organisation, "Cabinet", provenance(null, LocalDate.of(firstYear, 4, 1))));
            for (ProgrammeId programme : programmes) {
                sink.accept(new AssignProgrammeToCommittee(committee, programme, provenance(null, LocalDate.of(firstYear, 4, 1)), null));
            }
            for (int r = 0; r < shape.reportsPerCommittee(); r++) {
                LocalDate meeting = LocalDate.of(firstYear, 6, 30).plusMonths(3L * r);
                Instant presented = LocalDate.of(firstYear, 7, 1).atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(r * 7_776_000L);
                sink.accept(new PresentPositionReport(committee, ReportId.of(committee.value() + "-q" + r), meeting,
                        "Quarterly savings position " + (r + 1), programmes, presented, null, provenance(null, meeting), null));
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
            profile.put(FinancialYear.of(firstYear + y), Money.ofPence(pence));
        }
        sink.accept(new ProposeSaving(saving, programme, "Saving " + saving.value(), "Workstream " + random.nextInt(8),
                "Owner " + random.nextInt(40), Confidence.values()[random.nextInt(Confidence.values().length)],
                Stage.IN_DELIVERY, SavingsProfile.of(profile), provenance(null, LocalDate.of(firstYear, 3, 1))));
        Rag rag = null;
        for (int c = 0; c < shape.changesPerSaving(); c++) {
            LocalDate effective = LocalDate.of(firstYear, 4, 1).plusDays((long) c * 365 * shape.years()
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

    private FinancialYear fy(int offset) {
        return FinancialYear.of(firstYear + offset);
    }

    private static Provenance provenance(String reason, LocalDate effective) {
        return new Provenance("generator", reason, effective, null);
    }
}
