package org.savingsledger.command.saving;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.events.saving.SavingPostsDelivered;
import org.savingsledger.events.saving.SavingPostsDeliveryCorrected;
import org.savingsledger.events.saving.SavingPostsRevised;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.PostsProfile;

import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A saving's posts (FTE) planned and delivered per year, following its posts events, and the rules
 * about them: a figure sent is at most {@value #LIMIT_TEXT} FTE, and a correction never takes a year's
 * posts delivered below 0. A snapshot taken before this member existed loads with no posts, as its
 * saving's events (all from before posts were recorded) say.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class PostsFigures {

    static final String LIMIT_TEXT = "1000000.00";
    private static final Fte LIMIT = Fte.of(LIMIT_TEXT);

    private SortedMap<FinancialYear, Fte> planned = new TreeMap<>();
    private SortedMap<FinancialYear, Fte> delivered = new TreeMap<>();

    PostsFigures() {
        // for the aggregate and Jackson
    }

    static void requireWithinLimit(String field, Fte posts) {
        if (posts.value().abs().compareTo(LIMIT.value()) > 0) {
            throw new InvalidCommand(field, "must be at most " + LIMIT_TEXT + " FTE in magnitude");
        }
    }

    static PostsProfile requireWithinLimit(String field, PostsProfile posts) {
        posts.posts().forEach((year, fte) -> requireWithinLimit(field + "." + year, fte));
        return posts;
    }

    PostsProfile planned() {
        return PostsProfile.of(planned);
    }

    SortedMap<FinancialYear, BigDecimal> plannedCounts() {
        return counts(planned);
    }

    SortedMap<FinancialYear, BigDecimal> deliveredCounts() {
        return counts(delivered);
    }

    private static SortedMap<FinancialYear, BigDecimal> counts(SortedMap<FinancialYear, Fte> posts) {
        SortedMap<FinancialYear, BigDecimal> counts = new TreeMap<>();
        posts.forEach((year, fte) -> counts.put(year, fte.value()));
        return counts;
    }


    /** {@link Rule#DELIVERED_NEVER_NEGATIVE}, for posts. */
    void requireCorrectable(FinancialYear year, Fte correction) {
        Fte before = delivered.getOrDefault(year, Fte.ZERO);
        if (before.plus(correction).value().compareTo(BigDecimal.ZERO) < 0) {
            throw new BusinessRuleViolation(Rule.DELIVERED_NEVER_NEGATIVE, "a correction of " + correction
                    + " FTE would take " + year + "'s posts delivered of " + before + " below 0");
        }
    }

    @EventSourcingHandler
    void on(SavingProposed event) {
        planned = new TreeMap<>(event.posts().posts());
    }

    @EventSourcingHandler
    void on(SavingPostsRevised event) {
        planned = new TreeMap<>(event.posts().posts());
    }

    @EventSourcingHandler
    void on(SavingPostsDelivered event) {
        delivered.merge(event.year(), event.posts(), Fte::plus);
    }

    @EventSourcingHandler
    void on(SavingPostsDeliveryCorrected event) {
        delivered.merge(event.year(), event.posts(), Fte::plus);
    }
}
