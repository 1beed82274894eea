package org.savingsledger.command.saving;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.InMemoryLedgerDirectory;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.Rule;
import org.savingsledger.events.saving.SavingClassified;
import org.savingsledger.events.saving.SavingPostsDelivered;
import org.savingsledger.events.saving.SavingPostsDeliveryCorrected;
import org.savingsledger.events.saving.SavingPostsRevised;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.PostsProfile;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Recurrence;
import org.savingsledger.shared.SavingCategory;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.savingsledger.command.Refusals.refusedBy;

/**
 * A saving's recurrence, category and posts (FTE): Nottinghamshire's 2011/12 reduction of 51 FTE
 * frontline posts, here a saving of £1,200,000 in 2018/19 planning 51 posts, in a programme of
 * 2018/19 to 2021/22. Versions: the proposal is 0, each later event adds 1.
 */
class SavingConceptsTest {

    private static final SavingId ID = SavingId.of("notts-frontline-posts");
    private static final ProgrammeId PROGRAMME = ProgrammeId.of("notts-asc-savings");
    private static final Provenance BY_COMMITTEE = new Provenance("transformation-director",
            "frontline restructure", LocalDate.of(2018, 3, 12), "ASC&PH Committee 2018-03-12 item 9");
    private static final FinancialYear Y2018 = FinancialYear.parse("2018/19");
    private static final FinancialYear Y2019 = FinancialYear.parse("2019/20");
    private static final FinancialYear Y2022 = FinancialYear.parse("2022/23");
    private static final SavingsProfile PROFILE = SavingsProfile.of(Map.of(Y2018, Money.pounds(1_200_000)));
    private static final PostsProfile POSTS = PostsProfile.of(Map.of(Y2018, Fte.of("51")));

    private AggregateTestFixture<Saving> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Saving.class);
        fixture.registerInjectableResource(new InMemoryLedgerDirectory()
                .programme(PROGRAMME.value(), "nottinghamshire", "2018/19", "2021/22"));
    }

    private static ProposeSaving propose(Recurrence recurrence, SavingCategory category, PostsProfile posts) {
        return new ProposeSaving(ID, PROGRAMME, "Frontline staff", null, null, Confidence.CONFIDENT,
                Stage.IN_DELIVERY, PROFILE, BY_COMMITTEE, recurrence, category, posts);
    }

    private static SavingProposed proposed(Recurrence recurrence, SavingCategory category, PostsProfile posts) {
        return new SavingProposed(ID, PROGRAMME, "Frontline staff", null, null, Confidence.CONFIDENT,
                Stage.IN_DELIVERY, PROFILE, BY_COMMITTEE, recurrence, category, posts);
    }

    @Test
    void proposeSaving_recordsItsRecurrenceCategoryAndPosts() {
        fixture.givenNoPriorActivity()
                .when(propose(Recurrence.ONE_OFF, SavingCategory.COST_REDUCTION, POSTS))
                .expectEvents(proposed(Recurrence.ONE_OFF, SavingCategory.COST_REDUCTION, POSTS));
    }

    @Test
    void proposeSaving_withoutThemIsRecurringWithNoCategoryAndNoPosts() {
        fixture.givenNoPriorActivity()
                .when(propose(null, null, null))
                .expectEvents(proposed(Recurrence.RECURRING, null, PostsProfile.EMPTY));
    }

    @Test
    void proposeSaving_postsOutsideTheProgrammesPeriodAreRefused() {
        refusedBy(fixture.givenNoPriorActivity().when(propose(null, null, PostsProfile.of(Map.of(Y2022, Fte.of("1"))))),
                Rule.YEARS_WITHIN_PROGRAMME_PERIOD);
    }

    @Test
    void proposeSaving_postsPastTheLimitOrWithMoreThanTwoPlacesAreRefused() {
        assertThatThrownBy(() -> propose(null, null, PostsProfile.of(Map.of(Y2018, Fte.of("1000000.01")))))
                .isInstanceOf(InvalidCommand.class).hasMessageStartingWith("posts.2018/19");
        assertThatThrownBy(() -> Fte.of("2.505")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostsProfile.of(Map.of(Y2018, Fte.of("-1")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classifySaving_recordsTheChangeWithWhatItReplaced() {
        fixture.given(proposed(Recurrence.RECURRING, null, PostsProfile.EMPTY))
                .when(new ClassifySaving(ID, SavingCategory.INCOME_GENERATION, Recurrence.ONE_OFF, BY_COMMITTEE, null))
                .expectEvents(new SavingClassified(ID, PROGRAMME, null, SavingCategory.INCOME_GENERATION,
                        Recurrence.RECURRING, Recurrence.ONE_OFF, BY_COMMITTEE))
                .expectResultMessagePayload(1L);
    }

    @Test
    void classifySaving_aFieldNotGivenKeepsItsValue() {
        fixture.given(proposed(Recurrence.ONE_OFF, SavingCategory.COST_REDUCTION, PostsProfile.EMPTY))
                .when(new ClassifySaving(ID, SavingCategory.COST_AVOIDANCE, null, BY_COMMITTEE, null))
                .expectEvents(new SavingClassified(ID, PROGRAMME, SavingCategory.COST_REDUCTION,
                        SavingCategory.COST_AVOIDANCE, Recurrence.ONE_OFF, Recurrence.ONE_OFF, BY_COMMITTEE));
    }

    @Test
    void classifySaving_asItAlreadyIsWritesNothingAndAnswersTheCurrentVersion() {
        fixture.given(proposed(Recurrence.ONE_OFF, SavingCategory.COST_REDUCTION, PostsProfile.EMPTY),
                        new SavingClassified(ID, PROGRAMME, SavingCategory.COST_REDUCTION, SavingCategory.COST_AVOIDANCE,
                                Recurrence.ONE_OFF, Recurrence.RECURRING, BY_COMMITTEE))
                .when(new ClassifySaving(ID, SavingCategory.COST_AVOIDANCE, Recurrence.RECURRING, BY_COMMITTEE, null))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void classifySaving_needsACategoryOrARecurrenceAndAReason() {
        assertThatThrownBy(() -> new ClassifySaving(ID, null, null, BY_COMMITTEE, null))
                .isInstanceOf(InvalidCommand.class).hasMessageStartingWith("category");
        assertThatThrownBy(() -> new ClassifySaving(ID, SavingCategory.COST_REDUCTION, null,
                new Provenance("a", null, LocalDate.of(2018, 3, 12), null), null))
                .isInstanceOf(InvalidCommand.class).hasMessageStartingWith("reason");
    }

    @Test
    void reviseSavingPosts_recordsTheWholePlanWithWhatItReplaced() {
        PostsProfile revised = PostsProfile.of(Map.of(Y2018, Fte.of("40.5"), Y2019, Fte.of("10.5")));
        fixture.given(proposed(Recurrence.RECURRING, null, POSTS))
                .when(new ReviseSavingPosts(ID, revised, BY_COMMITTEE, null))
                .expectEvents(new SavingPostsRevised(ID, PROGRAMME, POSTS, revised, BY_COMMITTEE));
    }

    @Test
    void recordSavingPostsDelivered_addsToTheYear() {
        fixture.given(proposed(Recurrence.RECURRING, null, POSTS))
                .when(new RecordSavingPostsDelivered(ID, Y2018, Fte.of("12.25"), BY_COMMITTEE, null))
                .expectEvents(new SavingPostsDelivered(ID, PROGRAMME, Y2018, Fte.of("12.25"), BY_COMMITTEE))
                .expectResultMessagePayload(1L);
    }

    @Test
    void recordSavingPostsDelivered_mustBeAboveZero() {
        assertThatThrownBy(() -> new RecordSavingPostsDelivered(ID, Y2018, Fte.ZERO, BY_COMMITTEE, null))
                .isInstanceOf(InvalidCommand.class).hasMessageStartingWith("posts");
    }

    @Test
    void correctSavingPostsDelivered_downToZeroIsAllowed() {
        fixture.given(proposed(Recurrence.RECURRING, null, POSTS),
                        new SavingPostsDelivered(ID, PROGRAMME, Y2018, Fte.of("12.25"), BY_COMMITTEE))
                .when(new CorrectSavingPostsDelivered(ID, Y2018, Fte.of("-12.25"), BY_COMMITTEE, null))
                .expectEvents(new SavingPostsDeliveryCorrected(ID, PROGRAMME, Y2018, Fte.of("-12.25"), BY_COMMITTEE));
    }

    @Test
    void correctSavingPostsDelivered_neverBelowZero() {
        refusedBy(fixture.given(proposed(Recurrence.RECURRING, null, POSTS),
                        new SavingPostsDelivered(ID, PROGRAMME, Y2018, Fte.of("12.25"), BY_COMMITTEE),
                        new SavingPostsDeliveryCorrected(ID, PROGRAMME, Y2018, Fte.of("-2.25"), BY_COMMITTEE))
                .when(new CorrectSavingPostsDelivered(ID, Y2018, Fte.of("-10.01"), BY_COMMITTEE, null)),
                Rule.DELIVERED_NEVER_NEGATIVE);
    }

    @Test
    void postsDeliveredOutsideTheProgrammesPeriodAreRefused() {
        refusedBy(fixture.given(proposed(Recurrence.RECURRING, null, POSTS))
                .when(new RecordSavingPostsDelivered(ID, Y2022, Fte.of("1"), BY_COMMITTEE, null)),
                Rule.YEARS_WITHIN_PROGRAMME_PERIOD);
    }
}
