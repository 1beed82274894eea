package org.savingsledger.ops.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The web interface as a browser reaches it: signed in through the sign-in form (its hidden fields, the
 * CSRF token among them, sent back as read from the page), keeping whatever cookies the server sets —
 * no cookie is named here, so a session cookie and a signed one serve alike.
 */
final class PageSession {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*(\"[^\"]*\"|'[^']*')");

    private final URI base;
    private final HttpClient http;

    private PageSession(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** Opens the sign-in form and signs in with it; throws unless the ledger accepted the sign-in. */
    static PageSession signIn(int port, String user, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        URI base = URI.create("http://localhost:" + port);
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(base.resolve("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (form.statusCode() != 200) {
            throw new IllegalStateException("the sign-in form answered " + form.statusCode());
        }
        Map<String, String> fields = hiddenFields(form.body());
        fields.put("username", user);
        fields.put("password", password);
        String body = fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        // accepted: away from the form; refused: back to it (?error)
        if (answer.statusCode() / 100 != 3 || location.contains("/login")) {
            throw new IllegalStateException("signing in as " + user + " answered " + answer.statusCode() + " " + location);
        }
        return new PageSession(base, http);
    }

    /**
     * GETs a page, reading its whole body, and answers its size in bytes; throws unless it is answered 200
     * with HTML (a page that sends the browser to the sign-in form has lost the sign-in).
     */
    int get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String type = page.headers().firstValue("Content-Type").orElse("");
        if (page.statusCode() != 200 || !type.startsWith("text/html")) {
            throw new IllegalStateException(path + " answered " + page.statusCode() + " " + type + " "
                    + page.headers().firstValue("Location").orElse(""));
        }
        return page.body().length;
    }

    /** The name and value of every hidden input of a page, as the browser would post them. */
    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(input.group());
            while (attribute.find()) {
                String quoted = attribute.group(2);
                attributes.put(attribute.group(1).toLowerCase(java.util.Locale.ROOT), unescape(quoted.substring(1, quoted.length() - 1)));
            }
            if ("hidden".equalsIgnoreCase(attributes.get("type")) && attributes.containsKey("name")) {
                fields.put(attributes.get("name"), attributes.getOrDefault("value", ""));
            }
        }
        return fields;
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
