package org.savingsledger.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.savingsledger.query.infrastructure.ReadModelProgress;
import org.savingsledger.query.bi.Extraction;
import org.savingsledger.query.bi.ProgrammeExtract;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.programme.Totals;
import org.savingsledger.query.web.SignedInQueries;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Total;
import org.savingsledger.web.CorrelationIdFilter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A BI extract whose read side fails part-way, read over a real HTTP connection. The web layer is the
 * application's own (Tomcat, Spring MVC, the BI controller, the API's error handlers with their
 * catch-all, the correlation filter, Spring Boot's error page); only the read models are replaced, by
 * views that hand over a number of programmes and then throw. A context of its own, so no other test
 * sees these views.
 */
@SpringBootTest(classes = BiExtractAbortTest.WebLayer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class BiExtractAbortTest {

    /** Far more than the writer's and Tomcat's buffers (64 KiB and 8 KiB): the response is committed by then. */
    private static final int MANY_ROWS = 3000;
    /** A few rows, still in the writer's buffer: nothing has been sent. */
    private static final int FEW_ROWS = 5;

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            ErrorMvcAutoConfiguration.class})
    @ComponentScan(basePackages = {"org.savingsledger.query.web", "org.savingsledger.command.web"}, useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.savingsledger\\."
                    + "(query\\.web\\.(BiController|QueryProblems|ReadYourWrites)|command\\.web\\.ApiExceptionHandler)"))
    @Import(CorrelationIdFilter.class)
    static class WebLayer {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @MockitoBean
    SignedInQueries queries;

    @MockitoBean
    ReadModelProgress progress;

    /** Read-your-writes checks a token against the event store's head; these requests send none. */
    @MockitoBean
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;

    @ParameterizedTest
    @ValueSource(strings = {"csv", "jsonl"})
    void aFailureAfterTheFirstBytesAbortsTheConnectionWithoutEndingTheBody(String format, CapturedOutput log)
            throws IOException {
        failAfter(MANY_ROWS);
        double abortedBefore = aborted(format);
        String correlationId = "bi-abort-" + UUID.randomUUID();

        Raw response = rawGet("/api/bi/programmes." + format, correlationId);

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 ");
        assertThat(response.headers()).contains("content-disposition: attachment; filename=\"programmes." + format + "\"");
        assertThat(response.finalChunk()).as("the body must not end as if the file were complete").isFalse();
        String body = response.body().toString(StandardCharsets.UTF_8);
        assertThat(body).contains("programme-00000").doesNotContain("problem");
        assertThat(aborted(format)).isEqualTo(abortedBefore + 1);
        assertThat(log.getOut().lines().filter(line -> line.contains("BI extract programmes." + format + " failed after "
                + MANY_ROWS + " rows"))).singleElement().asString().contains(correlationId);
    }

    @Test
    void aBiClientSeesTheCutTransferAsAnError() {
        failAfter(MANY_ROWS);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/bi/programmes.csv")).build();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aFailureBeforeTheFirstByteIsAnsweredAsAProblem() throws Exception {
        failAfter(FEW_ROWS);
        double abortedBefore = aborted("csv");

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/bi/programmes.csv")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // the headers that describe a file are not sent with a problem
        assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(response.headers().firstValue("ETag")).isEmpty();
        assertThat(new ObjectMapper().readTree(response.body()).path("type").asText())
                .isEqualTo("urn:savings-ledger:problem:internal-server-error");
        assertThat(aborted("csv")).isEqualTo(abortedBefore);
    }

    /** Views that hand over {@code rows} programmes (one row each in {@code programmes}), then fail. */
    private void failAfter(int rows) {
        Extraction failing = mock(Extraction.class);
        doAnswer(invocation -> {
            Consumer<ProgrammeExtract> consumer = invocation.getArgument(4);
            for (int i = 0; i < rows; i++) {
                consumer.accept(programme(i));
            }
            throw new IllegalStateException("the read models cannot be reached");
        }).when(failing).forEachProgramme(any(), any(), any(), any(), any());
        when(queries.extraction()).thenReturn(failing);
        when(progress.position()).thenReturn("0");
    }

    private static ProgrammeExtract programme(int i) {
        ProgrammeSummary summary = new ProgrammeSummary(String.format("programme-%05d", i), "council",
                "Programme " + i, null, FinancialYear.parse("2018/19"), FinancialYear.parse("2021/22"),
                Total.of("100.00"), Total.ZERO, Total.ZERO, List.of(),
                new Totals(Total.of("50.00"), Total.ZERO, Total.of("50.00")), Map.of(), Map.of(), Map.of(), 1, 0,
                LocalDate.of(2018, 4, 1), Map.of(), Map.of());
        return new ProgrammeExtract(summary, List.of(), List.of());
    }

    private double aborted(String format) {
        Counter counter = meters.find("ledger.bi.aborted").tag("dataset", "programmes").tag("format", format).counter();
        return counter == null ? 0 : counter.count();
    }

    /** What came over the wire: the status line, headers (lower case), the chunks' bytes and whether a final chunk came. */
    private record Raw(String statusLine, List<String> headers, ByteArrayOutputStream body, boolean finalChunk) {
    }

    /** An HTTP/1.1 GET read byte by byte, so a body cut short is seen as such rather than as an exception. */
    private Raw rawGet(String path, String correlationId) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Correlation-Id: " + correlationId
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            String statusLine = readLine(in);
            List<String> headers = new ArrayList<>();
            for (String line; !(line = readLine(in)).isEmpty(); ) {
                headers.add(line.toLowerCase(Locale.ROOT));
            }
            assertThat(headers).contains("transfer-encoding: chunked");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = readLine(in);
                if (size.isEmpty()) {
                    return new Raw(statusLine, headers, body, false);
                }
                int length = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (length == 0) {
                    return new Raw(statusLine, headers, body, true);
                }
                byte[] chunk = new byte[length];
                try {
                    in.readFully(chunk);
                } catch (EOFException cut) {
                    return new Raw(statusLine, headers, body, false);
                }
                body.write(chunk);
                readLine(in);
            }
        }
    }

    private static String readLine(DataInputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n' && b >= 0; ) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
