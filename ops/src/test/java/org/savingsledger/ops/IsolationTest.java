package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.savingsledger.query.bi.Dataset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read a user of Nottinghamshire can make — each query of the API, each BI dataset in both
 * formats, each OData entity set with and without {@code $filter}, {@code ?organisation=} and
 * {@code ?programme=} naming Leicestershire or its programme, and HEAD of each — answers as
 * docs/security.md says (another organisation's id is 404, and so is a list or extract naming it),
 * holds the user's own rows where it lists them, and carries no id or name of Leicestershire's in its
 * body or headers, except what the request itself named. Users: {@link AllInOneTest}.
 */
@AllInOneTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationTest {

    private static final String READER = "viewer-notts";

    // per instance: a new instance of the class (the same application) makes its own
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String nottsProgramme = "iso-notts-programme-" + run;
    private final String nottsSaving = "iso-notts-saving-" + run;
    private final String nottsCommittee = "iso-notts-committee-" + run;
    private final String nottsReport = "iso-notts-report-" + run;
    private final String leicsProgramme = "iso-leics-programme-" + run;
    private final String leicsSaving = "iso-leics-saving-" + run;
    private final String leicsCommittee = "iso-leics-committee-" + run;
    private final String leicsReport = "iso-leics-report-" + run;

    /** Every id and name of Leicestershire's the reader must never be shown. */
    private final Set<String> theirs = new LinkedHashSet<>(List.of(
            // the demo's Leicestershire (DemoData): ids, names, texts
            "leicestershire", "leics-transformation", "leics-transformation-profile", "leics-cabinet",
            "leics-cabinet-2016-04-19", "Transformation Programme", "Director of Corporate Resources",
            "Supports the delivery of £35.4m savings", "Transformation Programme refocused on the 2016-2020 MTFS",
            "Cabinet 2016-04-19 paragraphs 41-43", "Transformation Programme profile (Figure 2)",
            // its user, the actor of a delivery below
            "editor-leics"));

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /**
     * In each organisation a programme whose saving fills every dataset (a delivery, a slip, a report),
     * with names found nowhere else; then every Leicestershire programme and saving id, whoever made it.
     */
    @BeforeAll
    void aProgrammeSavingCommitteeAndReportInEachOrganisation() {
        ApiClient admin = new ApiClient(port);
        ApiClient leicsEditor = admin.as("editor-leics", "pw");
        everything(admin, admin, "nottinghamshire", nottsProgramme, nottsSaving, nottsCommittee, nottsReport,
                "Isolation own programme " + run, "Isolation own saving " + run, "own committee " + run,
                "own position " + run, "own outturn " + run);
        String token = everything(admin, leicsEditor, "leicestershire", leicsProgramme, leicsSaving, leicsCommittee,
                leicsReport, "Quorn Transformation Board " + run, "Melton reablement " + run, "Charnwood Scrutiny " + run,
                "Loughborough quarter " + run, "Oadby outturn " + run);
        theirs.addAll(List.of(leicsProgramme, leicsSaving, leicsCommittee, leicsReport, "Quorn Transformation Board " + run,
                "Melton reablement " + run, "Charnwood Scrutiny " + run, "Loughborough quarter " + run,
                "Oadby outturn " + run, "Leics workstream " + run, "Leics owner " + run, "Leics minute " + run,
                "Leics description " + run, "Leics reserve " + run));
        // the kept bytes of their report exist: a read of it must not be served from them
        assertThat(admin.get("/api/committees/" + leicsCommittee + "/reports/" + leicsReport + "?consistencyToken=" + token)
                .status()).isEqualTo(200);
        for (JsonNode programme : admin.get("/api/programmes?organisation=leicestershire").json()) {
            String id = programme.path("id").asText();
            theirs.add(id);
            admin.get("/api/programmes/" + id + "/savings").json().forEach(saving -> theirs.add(saving.path("id").asText()));
        }
        assertThat(theirs).contains("leics-transformation-profile", leicsSaving);
    }

    /** A programme, its saving with a delivery (by {@code actor}) and a slip, a committee and a report; the last token. */
    private String everything(ApiClient admin, ApiClient actor, String organisation, String programme, String saving,
                              String committee, String report, String programmeName, String title, String committeeName,
                              String reportTitle, String reason) {
        String own = organisation.equals("nottinghamshire") ? "Notts" : "Leics";
        created(admin.post("/api/programmes", """
                {"id": "%s", "organisation": "%s", "name": "%s", "description": "%s description %s", "savingsTarget": 500000,
                 "firstYear": "2018/19", "lastYear": "2020/21"}""".formatted(programme, organisation, programmeName, own, run)));
        created(admin.post("/api/programmes/" + programme + "/budget-approvals", """
                {"amount": 1000, "source": "%s reserve %s", "reason": "%s"}""".formatted(own, run, reason)));
        created(admin.post("/api/programmes/" + programme + "/savings", """
                {"id": "%s", "title": "%s", "workstream": "%s workstream %s", "owner": "%s owner %s", "confidence": "CONFIDENT",
                 "stage": "IN_DELIVERY", "profile": {"2018/19": 200000, "2019/20": 300000}}"""
                .formatted(saving, title, own, run, own, run)));
        created(actor.post("/api/savings/" + saving + "/deliveries", """
                {"year": "2018/19", "amount": 1234.56, "reason": "%s", "decisionRef": "%s minute %s"}"""
                .formatted(reason, own, run)));
        created(admin.post("/api/savings/" + saving + "/slips", """
                {"fromYear": "2018/19", "toYear": "2020/21", "amount": 5000, "reason": "%s", "decisionRef": "%s minute %s"}"""
                .formatted(reason, own, run)));
        created(admin.post("/api/committees", """
                {"id": "%s", "organisation": "%s", "name": "%s"}""".formatted(committee, organisation, committeeName)));
        created(admin.post("/api/committees/" + committee + "/programmes", "{\"programmeId\": \"" + programme + "\"}"));
        return created(admin.post("/api/committees/" + committee + "/reports", """
                {"id": "%s", "meetingDate": "2019-01-07", "title": "%s"}""".formatted(report, reportTitle)));
    }

    /** One read: the endpoint it exercises (its mapping), the path asked, the status and what of the reader's it must hold. */
    private record Read(String endpoint, String path, int status, List<String> own) {
    }

    private List<Read> reads() {
        List<Read> reads = new ArrayList<>();
        List<String> ownProgramme = List.of(nottsProgramme);
        // the query API
        reads.add(new Read("/api/programmes", "/api/programmes", 200, List.of(nottsProgramme, "notts-asc-savings")));
        reads.add(new Read("/api/programmes", "/api/programmes?organisation=nottinghamshire", 200, ownProgramme));
        reads.add(new Read("/api/programmes", "/api/programmes?organisation=leicestershire", 404, List.of()));
        reads.add(new Read("/api/programmes/{id}", "/api/programmes/" + nottsProgramme, 200, List.of("Isolation own programme")));
        reads.add(new Read("/api/programmes/{id}", "/api/programmes/" + leicsProgramme, 404, List.of()));
        reads.add(new Read("/api/programmes/{id}", "/api/programmes/leics-transformation", 404, List.of()));
        reads.add(new Read("/api/programmes/{id}/savings", "/api/programmes/" + nottsProgramme + "/savings", 200,
                List.of(nottsSaving)));
        reads.add(new Read("/api/programmes/{id}/savings", "/api/programmes/" + leicsProgramme + "/savings", 404, List.of()));
        reads.add(new Read("/api/years/{year}", "/api/years/2018-19", 200, ownProgramme));
        reads.add(new Read("/api/years/{year}", "/api/years/2018-19?organisation=nottinghamshire", 200, ownProgramme));
        reads.add(new Read("/api/years/{year}", "/api/years/2018-19?organisation=leicestershire", 404, List.of()));
        reads.add(new Read("/api/organisations", "/api/organisations", 200, List.of("nottinghamshire")));
        reads.add(new Read("/api/organisations/{id}", "/api/organisations/nottinghamshire", 200, ownProgramme));
        reads.add(new Read("/api/organisations/{id}", "/api/organisations/leicestershire", 404, List.of()));
        reads.add(new Read("/api/savings/{id}", "/api/savings/" + nottsSaving, 200, List.of("Isolation own saving")));
        reads.add(new Read("/api/savings/{id}", "/api/savings/" + leicsSaving, 404, List.of()));
        reads.add(new Read("/api/savings/{id}", "/api/savings/leics-transformation-profile", 404, List.of()));
        reads.add(new Read("/api/savings/{id}/history", "/api/savings/" + nottsSaving + "/history", 200,
                List.of("own outturn " + run)));
        reads.add(new Read("/api/savings/{id}/history", "/api/savings/" + leicsSaving + "/history", 404, List.of()));
        reads.add(new Read("/api/committees/{id}", "/api/committees/" + nottsCommittee, 200, List.of(nottsReport)));
        reads.add(new Read("/api/committees/{id}", "/api/committees/" + leicsCommittee, 404, List.of()));
        reads.add(new Read("/api/committees/{id}", "/api/committees/leics-cabinet", 404, List.of()));
        String report = "/api/committees/{id}/reports/{reportId}";
        reads.add(new Read(report, "/api/committees/" + nottsCommittee + "/reports/" + nottsReport, 200,
                List.of("own position " + run, nottsProgramme)));
        reads.add(new Read(report, "/api/committees/" + leicsCommittee + "/reports/" + leicsReport, 404, List.of()));
        reads.add(new Read(report, "/api/committees/" + nottsCommittee + "/reports/" + leicsReport, 404, List.of()));
        reads.add(new Read(report, "/api/committees/" + leicsCommittee + "/reports/" + nottsReport, 404, List.of()));
        reads.add(new Read(report, "/api/committees/leics-cabinet/reports/leics-cabinet-2016-04-19", 404, List.of()));
        String changes = report + "/changes";
        reads.add(new Read(changes, "/api/committees/" + nottsCommittee + "/reports/" + nottsReport + "/changes", 200,
                List.of(nottsProgramme)));
        reads.add(new Read(changes, "/api/committees/" + leicsCommittee + "/reports/" + leicsReport + "/changes", 404, List.of()));
        reads.add(new Read(changes, "/api/committees/" + nottsCommittee + "/reports/" + leicsReport + "/changes", 404, List.of()));
        // the committee pack: its workbook's text (every part of the .xlsx) is what is checked
        String pack = report + ".xlsx";
        reads.add(new Read(pack, "/api/committees/" + nottsCommittee + "/reports/" + nottsReport + ".xlsx", 200,
                List.of("own position " + run, nottsProgramme, nottsSaving, "own outturn " + run)));
        reads.add(new Read(pack, "/api/committees/" + leicsCommittee + "/reports/" + leicsReport + ".xlsx", 404, List.of()));
        reads.add(new Read(pack, "/api/committees/" + nottsCommittee + "/reports/" + leicsReport + ".xlsx", 404, List.of()));
        // trackers as workbooks (docs/import.md), checked the same way
        reads.add(new Read("/api/programmes/{id}.xlsx", "/api/programmes/" + nottsProgramme + ".xlsx", 200,
                List.of(nottsProgramme, nottsSaving, "Isolation own saving")));
        reads.add(new Read("/api/programmes/{id}.xlsx", "/api/programmes/" + leicsProgramme + ".xlsx", 404, List.of()));
        reads.add(new Read("/api/organisations/{id}.xlsx", "/api/organisations/nottinghamshire.xlsx", 200,
                List.of(nottsProgramme, nottsSaving)));
        reads.add(new Read("/api/organisations/{id}.xlsx", "/api/organisations/leicestershire.xlsx", 404, List.of()));
        reads.add(new Read("/api/imports/template.xlsx", "/api/imports/template.xlsx", 200, List.of("Saving id")));
        // the BI datasets (docs/bi-datasets.md): every one holds the reader's programme
        for (Dataset dataset : Dataset.values()) {
            for (String format : List.of("csv", "jsonl")) {
                String file = "/api/bi/" + dataset.fileName() + "." + format;
                reads.add(new Read("/api/bi/{file}", file, 200, ownProgramme));
                reads.add(new Read("/api/bi/{file}", file + "?organisation=nottinghamshire", 200, ownProgramme));
                reads.add(new Read("/api/bi/{file}", file + "?organisation=leicestershire", 404, List.of()));
                reads.add(new Read("/api/bi/{file}", file + "?programme=" + leicsProgramme, 200, List.of()));
                reads.add(new Read("/api/bi/{file}", file + "?programme=leics-transformation", 200, List.of()));
                reads.add(new Read("/api/bi/{file}", file + "?organisation=nottinghamshire&programme=" + leicsProgramme, 200,
                        List.of()));
            }
        }
        // the OData feed (docs/odata.md): parameters of the BI feeds that are not its own are refused
        reads.add(new Read("/odata/**", "/odata/", 200, List.of("committee_reports")));
        reads.add(new Read("/odata", "/odata", 200, List.of("committee_reports")));
        reads.add(new Read("/odata/**", "/odata/$metadata", 200, List.of("committee_reports")));
        for (Dataset dataset : Dataset.values()) {
            String set = "/odata/" + dataset.fileName();
            reads.add(new Read("/odata/**", set, 200, ownProgramme));
            reads.add(new Read("/odata/**", set + "?$filter=" + encode("programme_id eq '" + nottsProgramme + "'"),
                    200, ownProgramme));
            reads.add(new Read("/odata/**", set + "?$filter=" + encode("organisation eq 'leicestershire'"), 404,
                    List.of()));
            reads.add(new Read("/odata/**", set + "?$filter=" + encode("programme_id eq '" + leicsProgramme + "'"),
                    200, List.of()));
            reads.add(new Read("/odata/**", set + "?$filter=" + encode("organisation eq 'nottinghamshire' and "
                    + "programme_id eq 'leics-transformation'"), 200, List.of()));
            reads.add(new Read("/odata/**", set + "?organisation=leicestershire", 400, List.of()));
            reads.add(new Read("/odata/**", set + "?programme=" + leicsProgramme, 400, List.of()));
        }
        return reads;
    }

    Stream<Arguments> everyRead() {
        return reads().stream().flatMap(read -> Stream.of(Arguments.of("GET", read.path(), read.status(), read.own()),
                Arguments.of("HEAD", read.path(), read.status(), read.own())));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("everyRead")
    void aUserOfOneOrganisationSeesTheirOwnAndNothingOfAnothers(String method, String path, int status, List<String> own) {
        ApiClient reader = new ApiClient(port).as(READER, "pw");
        ApiClient.Reply reply = reader.send(method, path);
        String request = method + " " + path;
        if (path.contains(".xlsx") && method.equals("GET") && reply.status() == 200) {
            reply = new ApiClient.Reply(reply.status(), reply.contentType(), reply.location(), workbookText(path),
                    reply.headers());
        }
        assertThat(reply.status()).as(request + " -> " + reply).isEqualTo(status);
        assertOnlyOurs(request, reply);
        if (status >= 400) {
            // under /odata, OData's own error format (docs/odata.md)
            assertThat(reply.contentType()).as(request)
                    .startsWith(path.startsWith("/odata") ? "application/json" : "application/problem+json");
        }
        if (method.equals("HEAD")) {
            assertThat(reply.body()).as(request).isEmpty();
            return;
        }
        if (status != 200) {
            return;
        }
        if (own.isEmpty()) {
            assertNoRows(path, reply);
            return;
        }
        // an entity set's own rows may be on a later page: every page is checked, the rows looked for in all
        StringBuilder pages = new StringBuilder(reply.body());
        for (JsonNode next = nextLink(reply); next != null; next = nextLink(reply)) {
            URI link = URI.create(next.asText());
            String nextRequest = "GET " + link.getRawPath() + "?" + link.getRawQuery();
            reply = reader.get(link.getRawPath() + "?" + link.getRawQuery());
            assertThat(reply.status()).as(nextRequest + " -> " + reply).isEqualTo(200);
            assertOnlyOurs(nextRequest, reply);
            pages.append(reply.body());
        }
        assertThat(pages.toString()).as(request).contains(own);
    }

    private static JsonNode nextLink(ApiClient.Reply reply) {
        if (!reply.contentType().startsWith("application/json")) {
            return null;
        }
        JsonNode next = reply.json().path("@odata.nextLink");
        return next.isMissingNode() ? null : next;
    }

    /** Nothing of theirs anywhere in the answer, and every organisation in its rows the reader's. */
    private void assertOnlyOurs(String request, ApiClient.Reply reply) {
        assertNothingOfTheirs(request, reply);
        if (reply.body().isEmpty() || reply.status() != 200) {
            return;
        }
        if (request.contains(".jsonl")) {
            reply.body().lines().map(line -> new ApiClient.Reply(200, "", null, line, null).json())
                    .forEach(row -> assertThat(row.path("organisation").asText()).as(request + ": " + row)
                            .isEqualTo("nottinghamshire"));
        } else if (reply.contentType().startsWith("application/json")) {
            assertOrganisations(request, reply.json());
        }
    }

    /**
     * The reads above exercise every GET endpoint of the query side but the administrators' (the
     * mappings of its controllers, as Spring MVC holds them): a new endpoint fails here until it is added.
     * The web interface's pages (package {@code ui}) are signed in with a form, not HTTP Basic: their
     * isolation is read in a browser ({@link WebInterfaceTest}).
     */
    @Test
    void everyReadEndpointIsExercised() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, org.springframework.web.method.HandlerMethod handler) -> {
            Class<?> controller = handler.getBeanType();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (controller.getPackageName().startsWith("org.savingsledger.query.")
                    && !controller.getSimpleName().equals("ReadModelAdminController")
                    && !controller.getPackageName().equals("org.savingsledger.query.ui")
                    && (methods.isEmpty() || methods.contains(RequestMethod.GET))) {
                endpoints.addAll(info.getPatternValues());
            }
        });
        assertThat(endpoints).isNotEmpty();
        Set<String> exercised = new TreeSet<>();
        reads().forEach(read -> exercised.add(read.endpoint()));
        assertThat(exercised).isEqualTo(endpoints);
        // every dataset of the contract is read, and each in both formats
        assertThat(reads().stream().map(Read::path).filter(path -> path.startsWith("/api/bi/") && !path.contains("?")))
                .hasSize(Dataset.values().length * 2);
    }

    /** The text of every part of a workbook the reader downloads (an .xlsx is a zip of XML parts). */
    private String workbookText(String path) {
        String authorization = "Basic " + Base64.getEncoder().encodeToString((READER + ":pw").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path)).header("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            StringBuilder text = new StringBuilder();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            assertThat(text).as(path).isNotEmpty();
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A list, per-year position, extract or entity set of another organisation's: there, and empty. */
    private static void assertNoRows(String path, ApiClient.Reply reply) {
        if (path.contains(".jsonl")) {
            assertThat(reply.body()).as(path).isEmpty();
        } else if (path.contains(".csv")) {
            assertThat(reply.body().lines()).as(path).hasSize(1);
        } else if (reply.json().isArray()) {
            assertThat(reply.json()).as(path).isEmpty();
        } else if (path.startsWith("/odata/")) {
            assertThat(reply.json().path("value")).as(path).isEmpty();
        } else {
            assertThat(reply.json().path("programmes")).as(path).isEmpty();
            assertThat(reply.json().path("planned").decimalValue()).as(path).isEqualByComparingTo("0");
        }
    }

    /** No id or name of theirs in the body or a header, but those the request named itself. */
    private void assertNothingOfTheirs(String request, ApiClient.Reply reply) {
        String asked = URLDecoder.decode(request, StandardCharsets.UTF_8);
        List<String> forbidden = theirs.stream().filter(theirs -> !asked.contains(theirs)).toList();
        assertThat(forbidden).isNotEmpty();
        for (String name : forbidden) {
            assertThat(reply.body()).as(request).doesNotContain(name);
        }
        reply.headers().map().forEach((header, values) -> values.forEach(value -> {
            for (String name : forbidden) {
                assertThat(value).as(request + " " + header).doesNotContain(name);
            }
        }));
    }

    /** Every {@code organisation} in a JSON answer is the reader's (or the one the request named, echoed). */
    private static void assertOrganisations(String request, JsonNode node) {
        if (node.isObject() && node.has("organisation") && !node.path("organisation").isNull()) {
            String organisation = node.path("organisation").asText();
            if (!request.contains("organisation=" + organisation)) {
                assertThat(organisation).as(request + ": " + node).isEqualTo("nottinghamshire");
            }
        }
        node.forEach(child -> assertOrganisations(request, child));
    }

    private static String created(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
        return reply.json().path("consistencyToken").asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
