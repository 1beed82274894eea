package org.savingsledger.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded event store keeps its data under ledger.data-dir across restarts of the application. */
@ExtendWith(OutputCaptureExtension.class)
class RestartTest {

    private static final String PROGRAMME = """
            {"id": "survives-restart", "organisation": "nottinghamshire", "name": "Adult Social Care savings",
             "savingsTarget": 17981000, "firstYear": "2018/19", "lastYear": "2020/21"}""";

    /**
     * Also the administrator's first start: with no password configured one is generated and printed
     * once; the second start prints none and the same password still signs in.
     */
    @Test
    void aProgrammeSurvivesARestartSoTheSameCreateIsAConflict(CapturedOutput output) throws Exception {
        Path dataDir = Path.of("target", "restart-test", UUID.randomUUID().toString());

        String password;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Matcher printed = GENERATED.matcher(output.getAll());
            assertThat(printed.find()).as("a generated password is printed at first start").isTrue();
            password = printed.group(1);
            assertThat(printed.find()).as("printed once").isFalse();
            assertThat(post(first, PROGRAMME, null).statusCode()).isEqualTo(401);
            assertThat(post(first, PROGRAMME, "admin:wrong").statusCode()).isEqualTo(401);
            new ApiClient(((WebServerApplicationContext) first).getWebServer().getPort()).as("admin", password)
                    .withOrganisation("nottinghamshire");
            assertThat(post(first, PROGRAMME, "admin:" + password).statusCode()).isEqualTo(201);
        }
        assertThat(Files.readString(dataDir.resolve("admin-password.hash"))).doesNotContain(password);
        int printedBefore = count(output.getAll());
        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(count(output.getAll())).isEqualTo(printedBefore);
            HttpResponse<String> again = post(second, PROGRAMME, "admin:" + password);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    private static final Pattern GENERATED = Pattern.compile("Generated password for the administrator 'admin': (\\S+)");

    private static int count(String output) {
        int found = 0;
        for (Matcher matcher = GENERATED.matcher(output); matcher.find(); ) {
            found++;
        }
        return found;
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return SpringApplication.run(SavingsLedgerApplication.class,
                "--server.port=0", "--ledger.data-dir=" + dataDir, "--spring.main.banner-mode=off");
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext context, String body, String credentials)
            throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/programmes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (credentials != null) {
            builder.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        HttpRequest request = builder.build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
