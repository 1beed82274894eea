package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A saving's history read a page at a time: pages in version order that join up to the whole history, a next link
 * with the first page's moment pinned, pages as at an earlier instant, and limits that cannot be read refused.
 */
@AllInOneTest
class HistoryPagingTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final String[] RAG = {"RED", "AMBER", "GREEN"};

    @LocalServerPort
    int port;

    ApiClient api;
    String saving;
    String token;

    /** A saving proposed (version 0) and its RAG changed 24 times: 25 entries, over three buckets of ten. */
    @BeforeEach
    void aSavingWithTwentyFiveChanges() {
        api = new ApiClient(port);
        String organisation = "paging-" + UUID.randomUUID().toString().substring(0, 8);
        api.withOrganisation(organisation);
        ApiClient.Reply programme = api.post("/api/programmes", """
                {"organisation": "%s", "name": "Paged programme", "savingsTarget": 100000,
                 "firstYear": "2018/19", "lastYear": "2019/20"}""".formatted(organisation));
        assertThat(programme.status()).as(programme.toString()).isEqualTo(201);
        ApiClient.Reply proposed = api.post("/api/programmes/" + programme.id() + "/savings",
                "{\"title\": \"Paged saving\", \"confidence\": \"CONFIDENT\", \"stage\": \"CONCEPT\", \"profile\": {\"2018/19\": 1000}}");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        saving = proposed.id();
        for (int change = 1; change <= 24; change++) {
            ApiClient.Reply reply = api.post("/api/savings/" + saving + "/rag",
                    "{\"status\": \"" + RAG[change % 3] + "\", \"reason\": \"review " + change + "\"}");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            token = reply.json().path("consistencyToken").asText();
        }
    }

    @Test
    void pagesFollowTheNextLinkInVersionOrderAndJoinUpToTheWholeHistory() {
        JsonNode whole = read("/api/savings/" + saving + "/history?consistencyToken=" + token).json();
        assertThat(whole).hasSize(25);

        ApiClient.Reply first = read("/api/savings/" + saving + "/history?limit=10&consistencyToken=" + token);
        ApiClient.Reply second = read(next(first));
        ApiClient.Reply third = read(next(second));

        assertThat(versions(first.json())).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(versions(second.json())).containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
        assertThat(versions(third.json())).containsExactly(20L, 21L, 22L, 23L, 24L);
        assertThat(third.header("Link")).as("the last page has no next").isNull();
        List<JsonNode> joined = new ArrayList<>();
        for (ApiClient.Reply page : List.of(first, second, third)) {
            page.json().forEach(joined::add);
        }
        assertThat(joined).containsExactlyElementsOf(whole);
        assertThat(third.json().get(4).path("reason").asText()).isEqualTo("review 24");
    }

    @Test
    void theNextLinkKeepsTheFirstPagesMomentWhileTheSavingChanges() {
        ApiClient.Reply first = read("/api/savings/" + saving + "/history?limit=20&consistencyToken=" + token);
        // the 24th change set RED, so AMBER is a change (the same status again records nothing)
        ApiClient.Reply changed = api.post("/api/savings/" + saving + "/rag", "{\"status\": \"AMBER\", \"reason\": \"late change\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        String afterChange = changed.json().path("consistencyToken").asText();

        ApiClient.Reply second = read(next(first) + "&consistencyToken=" + afterChange);

        assertThat(next(first)).contains("asAt=").contains("effectiveOn=").contains("limit=20").contains("after=19");
        assertThat(versions(second.json())).as("version 25 was recorded after the first page's moment")
                .containsExactly(20L, 21L, 22L, 23L, 24L);
        assertThat(versions(read("/api/savings/" + saving + "/history?after=19&consistencyToken=" + afterChange).json()))
                .as("a new paging sees it").containsExactly(20L, 21L, 22L, 23L, 24L, 25L);
    }

    @Test
    void aPageAsAtAnEarlierInstantEndsWhereTheLedgersKnowledgeThenEnded() {
        JsonNode whole = read("/api/savings/" + saving + "/history?consistencyToken=" + token).json();
        Instant twelfth = Instant.parse(whole.get(12).path("recordedAt").asText());
        assertThat(Instant.parse(whole.get(13).path("recordedAt").asText())).isAfter(twelfth);

        ApiClient.Reply page = read("/api/savings/" + saving + "/history?asAt=" + twelfth + "&after=9&limit=5");

        assertThat(versions(page.json())).containsExactly(10L, 11L, 12L);
        assertThat(page.header("Link")).isNull();
    }

    @Test
    void limitsAndVersionsThatCannotBeReadAreRefusedNamingTheParameter() {
        String history = "/api/savings/" + saving + "/history?consistencyToken=" + token;
        for (String bad : List.of("&limit=0", "&limit=1001", "&limit=ten", "&after=-1", "&after=1.5")) {
            ApiClient.Reply reply = api.get(history + bad);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).as(bad).contains(bad.substring(1, bad.indexOf('=')));
        }
    }

    private ApiClient.Reply read(String path) {
        ApiClient.Reply reply = api.get(path);
        assertThat(reply.status()).as(path + " -> " + reply).isEqualTo(200);
        return reply;
    }

    private static String next(ApiClient.Reply page) {
        String link = page.header("Link");
        assertThat(link).as("a next link").isNotNull();
        Matcher matcher = NEXT.matcher(link);
        assertThat(matcher.matches()).as(link).isTrue();
        return matcher.group(1);
    }

    private static List<Long> versions(JsonNode entries) {
        List<Long> versions = new ArrayList<>();
        entries.forEach(entry -> versions.add(entry.path("version").asLong()));
        return versions;
    }
}
