package org.savingsledger.query.history;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.savingsledger.events.LedgerEvent;
import org.savingsledger.events.saving.SavingBroughtForward;
import org.savingsledger.events.saving.SavingClassified;
import org.savingsledger.events.saving.SavingConfidenceChanged;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingDetailsChanged;
import org.savingsledger.events.saving.SavingEvent;
import org.savingsledger.events.saving.SavingPostsDelivered;
import org.savingsledger.events.saving.SavingPostsDeliveryCorrected;
import org.savingsledger.events.saving.SavingPostsRevised;
import org.savingsledger.events.saving.SavingProfileRevised;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingRagChanged;
import org.savingsledger.events.saving.SavingSlippedToYear;
import org.savingsledger.events.saving.SavingStageChanged;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.Money;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Projects every saving event into the saving's history: what it changed in the planned and
 * delivered profiles and in the posts (FTE) planned and delivered (before and after, in recording
 * order), the money it moved between years, and the stage, confidence, RAG, category, recurrence and
 * withdrawal it set. Also lists each programme's savings.
 */
@Component
@ProcessingGroup(SavingHistoryProjection.PROCESSING_GROUP)
public class SavingHistoryProjection {

    public static final String PROCESSING_GROUP = "saving-history";
    /**
     * The attribute in which a proposal's fact carries its effective date: a fold snapshot keeps the
     * last value of every attribute, so a fold that starts from one still knows when the saving took effect.
     */
    public static final String EFFECTIVE_FROM = "effectiveFrom";
    /** The change fields of posts (FTE) planned and delivered per year, beside {@code planned} and {@code delivered} money. */
    public static final String POSTS_PLANNED = "postsPlanned";
    public static final String POSTS_DELIVERED = "postsDelivered";

    private final HistoryWriter writer;

    public SavingHistoryProjection(HistoryWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(SavingEvent event, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        writer.write(StreamKind.SAVING, batch -> project(batch, event, version, recordedAt));
    }

    private static void project(HistoryBatch batch, SavingEvent event, long version, Instant recordedAt) {
        String savingId = event.savingId().value();
        Document state = batch.head(savingId).map(Document::new).orElseGet(Document::new);
        if (state.containsKey("version") && state.getLong("version") >= version) {
            return;
        }
        Document snapshot = FoldSnapshots.beforeFact(state, version);
        Draft draft = new Draft(state);
        EventType type = EventType.of(event);
        Draft projected = switch (type) {
            case SAVING_PROPOSED -> proposed(batch, state, draft, (SavingProposed) event);
            case SAVING_PROFILE_REVISED -> revised(draft, (SavingProfileRevised) event);
            case SAVING_SLIPPED_TO_YEAR -> {
                SavingSlippedToYear e = (SavingSlippedToYear) event;
                yield draft.move(e.fromYear(), e.toYear(), e.amount());
            }
            case SAVING_BROUGHT_FORWARD -> {
                SavingBroughtForward e = (SavingBroughtForward) event;
                yield draft.move(e.fromYear(), e.toYear(), e.amount());
            }
            case SAVING_DELIVERY_RECORDED -> {
                SavingDeliveryRecorded e = (SavingDeliveryRecorded) event;
                yield draft.deliver(e.year(), e.amount());
            }
            case SAVING_DELIVERY_CORRECTED -> {
                SavingDeliveryCorrected e = (SavingDeliveryCorrected) event;
                yield draft.deliver(e.year(), e.amount());
            }
            case SAVING_STAGE_CHANGED -> draft.set("stage", ((SavingStageChanged) event).stage().name());
            case SAVING_CONFIDENCE_CHANGED -> draft.set("confidence", ((SavingConfidenceChanged) event).confidence().name());
            case SAVING_RAG_CHANGED -> draft.set("rag", ((SavingRagChanged) event).status().name());
            case SAVING_WITHDRAWN -> draft.set("withdrawn", "true");
            case SAVING_DETAILS_CHANGED -> {
                SavingDetailsChanged e = (SavingDetailsChanged) event;
                yield draft.set("title", e.title()).set("workstream", e.workstream()).set("owner", e.owner())
                        .set("description", e.description());
            }
            case SAVING_CLASSIFIED -> classified(draft, (SavingClassified) event);
            case SAVING_POSTS_REVISED -> revisedPosts(draft, (SavingPostsRevised) event);
            case SAVING_POSTS_DELIVERED -> {
                SavingPostsDelivered e = (SavingPostsDelivered) event;
                yield draft.deliverPosts(e.year(), e.posts());
            }
            case SAVING_POSTS_DELIVERY_CORRECTED -> {
                SavingPostsDeliveryCorrected e = (SavingPostsDeliveryCorrected) event;
                yield draft.deliverPosts(e.year(), e.posts());
            }
            case PROGRAMME_LAUNCHED, PROGRAMME_TARGET_REVISED, PROGRAMME_BUDGET_APPROVED, PROGRAMME_COST_DRAWN_DOWN,
                    COMMITTEE_ESTABLISHED, PROGRAMME_ASSIGNED_TO_COMMITTEE, POSITION_REPORT_PRESENTED,
                    FOLD_SNAPSHOT, PROGRAMME_BUDGET_CORRECTED, PROGRAMME_COST_DRAWDOWN_CORRECTED, PROGRAMME_DETAILS_CHANGED,
                    PROGRAMME_PERIOD_CHANGED, ORGANISATION_REGISTERED,
                    PROGRAMME_PENDING_BUDGET_RESOLVED -> throw type.notOf(StreamKind.SAVING);
        };
        Fact fact = Fact.of(event, version, recordedAt, projected.changes, projected.attributes, projected.move);
        FoldSnapshots.fold(state, fact);
        state.append("planned", projected.planned).append("delivered", projected.delivered)
                .append(POSTS_PLANNED, projected.postsPlanned).append(POSTS_DELIVERED, projected.postsDelivered);
        batch.append(savingId, fact, state, snapshot);
    }

    /** Also lists the saving among its programme's savings. */
    private static Draft proposed(HistoryBatch batch, Document state, Draft draft, SavingProposed e) {
        state.append("programmeId", e.programmeId().value());
        batch.addSaving(e.programmeId().value(), e.savingId().value());
        e.profile().amounts().forEach((year, amount) -> draft.plan(year.toString(), amount.amount()));
        e.posts().posts().forEach((year, posts) -> draft.planPosts(year.toString(), posts.value()));
        draft.set("recurrence", e.recurrence().name()).set("category", e.category() == null ? null : e.category().name());
        draft.set("title", e.title()).set("workstream", e.workstream()).set("owner", e.owner())
                .set("stage", e.stage().name()).set("confidence", e.confidence().name())
                .set("programmeId", e.programmeId().value())
                .set(EFFECTIVE_FROM, e.provenance().effectiveDate().toString());
        return draft;
    }

    /** Only the years whose planned figure the new profile changes. */
    private static Draft revised(Draft draft, SavingProfileRevised e) {
        TreeSet<String> years = new TreeSet<>(draft.planned.keySet());
        e.profile().amounts().keySet().forEach(year -> years.add(year.toString()));
        for (String year : years) {
            BigDecimal after = e.profile().amountIn(FinancialYear.parse(year)).amount();
            if (after.compareTo(amount(draft.planned, year)) != 0) {
                draft.plan(year, after);
            }
        }
        return draft;
    }

    private static Draft classified(Draft draft, SavingClassified e) {
        return draft.set("category", e.category() == null ? null : e.category().name())
                .set("recurrence", e.recurrence().name());
    }

    /** Only the years whose posts planned the new plan changes. */
    private static Draft revisedPosts(Draft draft, SavingPostsRevised e) {
        TreeSet<String> years = new TreeSet<>(draft.postsPlanned.keySet());
        e.posts().posts().keySet().forEach(year -> years.add(year.toString()));
        for (String year : years) {
            BigDecimal after = e.posts().in(FinancialYear.parse(year)).value();
            if (after.compareTo(amount(draft.postsPlanned, year)) != 0) {
                draft.planPosts(year, after);
            }
        }
        return draft;
    }

    /**
     * Every event that is not a saving event: taken in and left alone, so that this processor's position
     * moves past it at once. (Axon's processor otherwise waits up to a second for an event it handles
     * before it stores its position, and a query with a consistency token waited with it.)
     */
    @EventHandler
    public void pass(LedgerEvent event) {
        // nothing to project: handling it is what lets the position move on
    }

    @ResetHandler
    public void reset() {
        writer.reset(StreamKind.SAVING);
    }

    /**
     * What one saving event changes: the planned and delivered figures (each change before and after,
     * in recording order), the money it moves between years, and the attributes it sets.
     */
    private static final class Draft {

        final Document planned;
        final Document delivered;
        final Document postsPlanned;
        final Document postsDelivered;
        final List<Fact.Change> changes = new ArrayList<>();
        final Map<String, Object> attributes = new LinkedHashMap<>();
        Fact.Move move;

        Draft(Document state) {
            planned = yearMap(state, "planned");
            delivered = yearMap(state, "delivered");
            postsPlanned = yearMap(state, POSTS_PLANNED);
            postsDelivered = yearMap(state, POSTS_DELIVERED);
        }

        Draft planPosts(String year, BigDecimal after) {
            return change(postsPlanned, POSTS_PLANNED, year, after);
        }

        Draft deliverPosts(FinancialYear year, Fte posts) {
            String key = year.toString();
            return change(postsDelivered, POSTS_DELIVERED, key, amount(postsDelivered, key).add(posts.value()));
        }

        Draft plan(String year, BigDecimal after) {
            return change(planned, "planned", year, after);
        }

        Draft deliver(FinancialYear year, Money amount) {
            return change(delivered, "delivered", year.toString(), amount(delivered, year.toString()).add(amount.amount()));
        }

        Draft move(FinancialYear from, FinancialYear to, Money amount) {
            plan(from.toString(), amount(planned, from.toString()).subtract(amount.amount()));
            plan(to.toString(), amount(planned, to.toString()).add(amount.amount()));
            move = new Fact.Move(from.toString(), to.toString(), amount.amount());
            return this;
        }

        /** Sets an attribute; a value not given (null) is not recorded. */
        Draft set(String name, String value) {
            if (value != null) {
                attributes.put(name, value);
            }
            return this;
        }

        private Draft change(Document figures, String field, String year, BigDecimal after) {
            changes.add(new Fact.Change(year, field, amount(figures, year), after));
            figures.put(year, new Decimal128(after));
            return this;
        }
    }

    private static BigDecimal amount(Document figures, String year) {
        Object value = figures.get(year);
        return value == null ? Money.ZERO.amount() : Fact.decimal(value);
    }

    private static Document yearMap(Document state, String name) {
        Document map = state.get(name, Document.class);
        return map == null ? new Document() : new Document(map);
    }
}
