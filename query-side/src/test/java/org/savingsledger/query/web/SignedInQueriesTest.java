package org.savingsledger.query.web;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.query.history.HistoryWriter;
import org.savingsledger.query.history.LiveHistoryTarget;
import org.savingsledger.query.history.ProgrammeHistoryProjection;
import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose data a request's views show: the signed-in user's organisations, every organisation only for
 * the administrator, and nothing at all when nobody is signed in or the user is granted no organisation.
 */
class SignedInQueriesTest {

    private static final Instant RECORDED = Instant.parse("2018-02-26T09:00:00Z");
    private static final Instant AS_AT = Instant.parse("2099-01-01T00:00:00Z");
    private static final LocalDate EFFECTIVE_ON = LocalDate.of(2099, 1, 1);

    private static MongoServer server;
    private static MongoClient client;
    private static SignedInQueries source;

    @BeforeAll
    static void aProgrammeInEachOrganisation() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        ReadModelGenerations generations = new ReadModelGenerations(client.getDatabase("views_source"));
        ProgrammeHistoryProjection programmes = new ProgrammeHistoryProjection(new HistoryWriter(new LiveHistoryTarget(generations)));
        Provenance launched = new Provenance("finance", null, LocalDate.of(2018, 2, 26), null);
        programmes.on(new ProgrammeLaunched(ProgrammeId.of("notts-asc"), "nottinghamshire", "ASC", null,
                Money.pounds(1_000), FinancialYear.parse("2018/19"), FinancialYear.parse("2019/20"), launched), 0, RECORDED);
        programmes.on(new ProgrammeLaunched(ProgrammeId.of("leics-tp"), "leicestershire", "TP", null,
                Money.pounds(1_000), FinancialYear.parse("2018/19"), FinancialYear.parse("2019/20"), launched), 0, RECORDED);
        source = new SignedInQueries(generations);
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdown();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void nobodySignedInSeesNothing() {
        assertThat(programmeIds()).isEmpty();
        assertThat(source.programmes().programme("notts-asc", AS_AT, EFFECTIVE_ON)).isEmpty();
    }

    @Test
    void anAnonymousOrUnauthenticatedCallerSeesNothing() {
        signIn(new AnonymousAuthenticationToken("key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(programmeIds()).isEmpty();
        signIn(UsernamePasswordAuthenticationToken.unauthenticated("admin", "guess"));
        assertThat(programmeIds()).isEmpty();
    }

    @Test
    void aUserWithoutOrganisationsSeesNothing() {
        signIn(UsernamePasswordAuthenticationToken.authenticated("viewer", null, AuthorityUtils.createAuthorityList("ROLE_VIEWER")));
        assertThat(programmeIds()).isEmpty();
    }

    @Test
    void aUserSeesTheirOrganisationsAndTheAdministratorEveryOne() {
        signIn(UsernamePasswordAuthenticationToken.authenticated("viewer", null,
                AuthorityUtils.createAuthorityList("ROLE_VIEWER", "ORG_nottinghamshire")));
        assertThat(programmeIds()).containsExactly("notts-asc");
        assertThat(source.programmes().programme("leics-tp", AS_AT, EFFECTIVE_ON)).isEmpty();
        signIn(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ORG_*")));
        assertThat(programmeIds()).containsExactly("leics-tp", "notts-asc");
    }

    private static List<String> programmeIds() {
        return source.programmes().programmes(null, AS_AT, EFFECTIVE_ON).stream().map(ProgrammeSummary::id).toList();
    }

    private static void signIn(Authentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }
}
