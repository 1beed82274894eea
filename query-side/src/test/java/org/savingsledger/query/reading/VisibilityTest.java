package org.savingsledger.query.reading;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.query.bi.Extraction;
import org.savingsledger.query.bi.ProgrammeExtract;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.HistoryWriter;
import org.savingsledger.query.history.LiveHistoryTarget;
import org.savingsledger.query.history.ProgrammeHistoryProjection;
import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.query.programme.ProgrammeQueries;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Whose data a query shows: every organisation only when asked for by name; an empty or missing
 * set of organisations shows nothing, never everything.
 */
class VisibilityTest {

    private static final Instant RECORDED = Instant.parse("2018-02-26T09:00:00Z");
    private static final Instant AS_AT = Instant.parse("2099-01-01T00:00:00Z");
    private static final LocalDate EFFECTIVE_ON = LocalDate.of(2099, 1, 1);

    private static MongoServer server;
    private static MongoClient client;
    private static HistoryStore store;

    @BeforeAll
    static void aProgrammeInEachOrganisation() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        ReadModelGenerations generations = new ReadModelGenerations(client.getDatabase("visibility"));
        ProgrammeHistoryProjection programmes = new ProgrammeHistoryProjection(new HistoryWriter(new LiveHistoryTarget(generations)));
        Provenance launched = new Provenance("finance", null, LocalDate.of(2018, 2, 26), null);
        programmes.on(new ProgrammeLaunched(ProgrammeId.of("notts-asc"), "nottinghamshire", "ASC", null,
                Money.pounds(1_000), FinancialYear.parse("2018/19"), FinancialYear.parse("2019/20"), launched), 0, RECORDED);
        programmes.on(new ProgrammeLaunched(ProgrammeId.of("leics-tp"), "leicestershire", "TP", null,
                Money.pounds(1_000), FinancialYear.parse("2018/19"), FinancialYear.parse("2019/20"), launched), 0, RECORDED);
        store = generations.reading();
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdown();
    }

    @Test
    void noOrganisationShowsNothing() {
        assertThat(Visibility.none().includes("nottinghamshire")).isFalse();
        assertThat(Visibility.none().includes(null)).isFalse();
        assertThat(Visibility.none().isAllOrganisations()).isFalse();
    }

    @Test
    void someOrganisationsNeverShowDataOfNoKnownOrganisation() {
        Visibility everyName = Visibility.of(organisation -> true);

        assertThat(everyName.includes("nottinghamshire")).isTrue();
        assertThat(everyName.includes(null)).isFalse();
        assertThat(everyName.isAllOrganisations()).isFalse();
    }

    @Test
    void allOrganisationsIsAskedForByNameAndShowsEverything() {
        assertThat(Visibility.allOrganisations().includes("anyone")).isTrue();
        assertThat(Visibility.allOrganisations().includes(null)).isTrue();
        assertThat(Visibility.allOrganisations().isAllOrganisations()).isTrue();
    }

    @Test
    void aMissingVisibilityIsRefusedRatherThanReadAsAll() {
        assertThatNullPointerException().isThrownBy(() -> Visibility.of(null));
        assertThatNullPointerException().isThrownBy(() -> new VisibleHistory(store, null));
        assertThatNullPointerException().isThrownBy(() -> new ProgrammeQueries(store, null));
    }

    @Test
    void anEmptyVisibilityQueriesNothing() {
        for (Visibility empty : List.of(Visibility.none(), Visibility.of(Set.<String>of()::contains))) {
            ProgrammeQueries queries = new ProgrammeQueries(store, empty);
            assertThat(queries.programmes(null, AS_AT, EFFECTIVE_ON)).isEmpty();
            assertThat(queries.programmes("nottinghamshire", AS_AT, EFFECTIVE_ON)).isEmpty();
            assertThat(queries.programme("notts-asc", AS_AT, EFFECTIVE_ON)).isEmpty();
            assertThat(extracted(empty, null)).isEmpty();
            assertThat(extracted(empty, "notts-asc")).isEmpty();
        }
    }

    @Test
    void someOrganisationsQueryTheirsOnlyAndAllOrganisationsEveryOne() {
        Visibility notts = Visibility.of(Set.of("nottinghamshire")::contains);

        assertThat(new ProgrammeQueries(store, notts).programmes(null, AS_AT, EFFECTIVE_ON))
                .extracting(ProgrammeSummary::id).containsExactly("notts-asc");
        assertThat(new ProgrammeQueries(store, notts).programme("leics-tp", AS_AT, EFFECTIVE_ON)).isEmpty();
        assertThat(extracted(notts, "leics-tp")).isEmpty();
        assertThat(new ProgrammeQueries(store, Visibility.allOrganisations()).programmes(null, AS_AT, EFFECTIVE_ON))
                .extracting(ProgrammeSummary::id).containsExactly("leics-tp", "notts-asc");
        assertThat(extracted(Visibility.allOrganisations(), null)).containsExactly("leics-tp", "notts-asc");
    }

    private static List<String> extracted(Visibility visibility, String programmeId) {
        List<String> ids = new ArrayList<>();
        new Extraction(store, visibility).forEachProgramme(null, programmeId, AS_AT, EFFECTIVE_ON,
                (ProgrammeExtract extract) -> ids.add(extract.summary().id()));
        return ids;
    }
}
