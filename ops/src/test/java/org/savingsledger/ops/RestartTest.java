package org.savingsledger.ops;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded event store keeps its data under ledger.data-dir across restarts of the application. */
class RestartTest {

    private static final String PROGRAMME = """
            {"id": "survives-restart", "organisation": "nottinghamshire", "name": "Adult Social Care savings",
             "savingsTarget": 17981000, "firstYear": "2018/19", "lastYear": "2020/21"}""";

    @Test
    void aProgrammeSurvivesARestartSoTheSameCreateIsAConflict() throws Exception {
        Path dataDir = Path.of("target", "restart-test", UUID.randomUUID().toString());

        try (ConfigurableApplicationContext first = start(dataDir)) {
            assertThat(post(first, PROGRAMME).statusCode()).isEqualTo(201);
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            HttpResponse<String> again = post(second, PROGRAMME);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return SpringApplication.run(SavingsLedgerApplication.class,
                "--server.port=0", "--ledger.data-dir=" + dataDir, "--spring.main.banner-mode=off");
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext context, String body) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/programmes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
