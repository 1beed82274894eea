package org.savingsledger.ops;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in to the pages over plain HTTP, as any instance of a split deployment sees it: no session, a signed
 * cookie every request is signed in from, CSRF tokens double-submitted, and refusals as GOV.UK pages.
 */
@AllInOneTest
class PageSignInTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void aSignInIsASignedCookieAndNoSession() throws Exception {
        Session browser = new Session(port);
        HttpResponse<String> form = browser.get("/login");
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> signedIn = browser.post("/login", Map.of("username", "editor-notts", "password", "pw",
                "_csrf", csrf(form)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(browser.cookieNames()).contains("ledger-sign-in").doesNotContain("JSESSIONID");

        // the cookie alone signs in: what another instance with the same key sees
        Session elsewhere = new Session(port);
        elsewhere.cookies.getCookieStore().add(URI.create("http://localhost:" + port),
                browser.cookie("ledger-sign-in"));
        HttpResponse<String> page = elsewhere.get("/ui/edit/programmes/" + DemoData.NOTTS_PROGRAMME + "/savings");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Propose a saving", "Signed in as", "editor-notts");
        assertThat(elsewhere.cookieNames()).doesNotContain("JSESSIONID");

        // a form without its CSRF token is refused, and writes nothing
        HttpResponse<String> forged = elsewhere.post("/ui/edit/programmes/" + DemoData.NOTTS_PROGRAMME + "/savings",
                Map.of("title", "Forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("You do not have access");

        // with it, the form answers (here its problems: no stage, confidence or profile)
        HttpResponse<String> sent = elsewhere.post("/ui/edit/programmes/" + DemoData.NOTTS_PROGRAMME + "/savings",
                Map.of("title", "Half a proposal", "_csrf", csrf(page)));
        assertThat(sent.statusCode()).isEqualTo(400);
        assertThat(sent.body()).contains("There is a problem", "Stage is required", "Confidence is required");

        HttpResponse<String> signedOut = browser.post("/logout", Map.of("_csrf", csrf(browser.get("/ui/organisations/nottinghamshire"))));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(browser.cookieNames()).doesNotContain("ledger-sign-in");
    }

    @Test
    void aUserWithoutARoleIsShownTheAccessPage() throws Exception {
        Session browser = new Session(port);
        browser.post("/login", Map.of("username", "no-role-notts", "password", "pw", "_csrf", csrf(browser.get("/login"))));
        HttpResponse<String> page = browser.get("/ui/organisations/nottinghamshire");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("You do not have access").doesNotContain("Whitelabel");
    }

    @Test
    void aClerkPresentsAReportThroughTheForm() throws Exception {
        ApiClient api = new ApiClient(port).withOrganisation("nottinghamshire");
        String unique = java.util.UUID.randomUUID().toString().substring(0, 8);
        String committee = "forms-committee-" + unique;
        String programme = "forms-reported-" + unique;
        assertThat(api.post("/api/programmes", """
                {"id": "%s", "organisation": "nottinghamshire", "name": "Reported programme", "savingsTarget": 100000,
                 "firstYear": "2018/19", "lastYear": "2019/20", "effectiveDate": "2018-04-01"}""".formatted(programme))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/committees", """
                {"id": "%s", "organisation": "nottinghamshire", "name": "Forms committee"}""".formatted(committee))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/committees/" + committee + "/programmes",
                "{\"programmeId\": \"" + programme + "\"}").status()).isEqualTo(200);
        Session clerk = new Session(port);
        clerk.post("/login", Map.of("username", "clerk-notts", "password", "pw", "_csrf", csrf(clerk.get("/login"))));
        String form = "/ui/edit/committees/" + committee + "/reports";
        HttpResponse<String> page = clerk.get(form);
        assertThat(page.statusCode()).isEqualTo(200);

        HttpResponse<String> refused = clerk.post(form, Map.of("meetingDate", "9 July 2018", "title", "July position",
                "_csrf", csrf(page)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Meeting date must be a date written yyyy-MM-dd", "9 July 2018");
        assertThat(api.get("/api/committees/" + committee).json().path("reports").size()).isZero();

        HttpResponse<String> presented = clerk.post(form, Map.of("meetingDate", "2018-07-09", "title", "July position",
                "_csrf", csrf(refused)));
        assertThat(presented.statusCode()).isEqualTo(303);
        String location = presented.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/ui/committees/" + committee + "/reports/").contains("done=report-presented");
        String token = location.replaceAll(".*consistencyToken=([0-9]+).*", "$1");
        assertThat(api.get("/api/committees/" + committee + "?consistencyToken=" + token).json().path("reports").size())
                .isEqualTo(1);

        // an editor may not present one
        Session editor = new Session(port);
        editor.post("/login", Map.of("username", "editor-notts", "password", "pw", "_csrf", csrf(editor.get("/login"))));
        assertThat(editor.get(form).statusCode()).isEqualTo(403);
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("a CSRF token in " + page.uri()).isTrue();
        return token.group(1);
    }

    /** A client keeping cookies as a browser does, not following redirects. */
    static final class Session {

        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http;
        private final String base;

        Session(int port) {
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
            this.base = "http://localhost:" + port;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream().map(field -> field.getKey() + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        List<String> cookieNames() {
            return cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName).toList();
        }

        HttpCookie cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst()
                    .orElseThrow();
        }
    }
}
