package org.savingsledger.ops.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.savingsledger.command.organisation.RegisterOrganisation;
import org.savingsledger.command.programme.LaunchProgramme;
import org.savingsledger.command.rules.LedgerDirectory;
import org.savingsledger.shared.OrganisationId;
import org.savingsledger.command.saving.ProposeSaving;
import org.savingsledger.command.saving.RecordSavingDelivered;
import org.savingsledger.events.LedgerEvent;
import org.savingsledger.query.infrastructure.ReadModelProgress;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The running all-in-one ledger every workload acts on (its Spring context, HTTP port and
 * administrator), where the figures go, and the few ways in that several workloads share: the same
 * request, delivery and load, so that figures of different workloads measure the same thing.
 */
record LedgerUnderTest(ApplicationContext context, int port, String authorization, BenchSizes sizes, BenchReport report,
                       Consumer<String> log, Seeds seeds, HttpClient http, String run) {

    private static final FinancialYear APPEND_YEAR = FinancialYear.of(2024);
    private static final String ORGANISATION = "bench";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param user a user allowed every command and query in every organisation (the administrator)
     * @return the ledger with an HTTP client of its own and a run id that names this run's programmes,
     * scratch collections and second instance apart from an earlier run's in the same stores
     */
    static LedgerUnderTest of(ApplicationContext context, int port, String user, String password, BenchSizes sizes,
                              BenchReport report, Consumer<String> log, Seeds seeds) {
        return new LedgerUnderTest(context, port,
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)),
                sizes, report, log, seeds, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build(),
                Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    void log(String line) {
        log.accept(line);
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** GETs {@code path} as the administrator and answers the body; throws unless it is answered 200. */
    String get(String path) throws IOException, InterruptedException {
        return send(path, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** {@link #get} timed into {@code latencies} (untimed when they are null), the body read and dropped. */
    void timeGet(String path, Latencies latencies) throws IOException, InterruptedException {
        long start = System.nanoTime();
        send(path, HttpResponse.BodyHandlers.ofByteArray());
        long elapsed = System.nanoTime() - start;
        if (latencies != null) {
            latencies.recordNanos(elapsed);
        }
    }

    private <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        HttpResponse<T> response = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                .GET().build(), body);
        if (response.statusCode() != 200) {
            Object answer = response.body();
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                    + (answer instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : answer));
        }
        return response;
    }

    /** A programme of 16 savings of this run, each for one worker to deliver to: no two workers touch one saving. */
    List<SavingId> appendTargets(String purpose) {
        CommandGateway gateway = context.getBean(CommandGateway.class);
        ProgrammeId programme = ProgrammeId.of("bench-" + purpose + "-" + run);
        FinancialYear first = FinancialYear.of(2020);
        FinancialYear last = FinancialYear.of(2030);
        if (!context.getBean(LedgerDirectory.class).isTaken(ORGANISATION)) {
            gateway.sendAndWait(new RegisterOrganisation(OrganisationId.of(ORGANISATION), "Benchmarks", null, provenance()));
        }
        gateway.sendAndWait(new LaunchProgramme(programme, ORGANISATION, "Append benchmark", null, Money.pounds(1_000_000_000L),
                first, last, provenance()));
        List<SavingId> savings = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            SavingId saving = SavingId.of(programme.value() + "-s" + i);
            gateway.sendAndWait(new ProposeSaving(saving, programme, "Saving " + i, null, null, Confidence.CONFIDENT,
                    Stage.IN_DELIVERY, SavingsProfile.of(Map.of(APPEND_YEAR, Money.pounds(10_000_000L))), provenance()));
            savings.add(saving);
        }
        return savings;
    }

    /** The command every append figure sends: a delivery of 1p. */
    RecordSavingDelivered delivery(SavingId saving) {
        return new RecordSavingDelivered(saving, APPEND_YEAR, Money.ofPence(1), provenance(), null);
    }

    private static Provenance provenance() {
        return new Provenance("bench", "benchmark", LocalDate.of(2024, 6, 1), null);
    }

    /** Posts a delivery of 1p and answers the consistency token's global index. */
    long postDelivery(SavingId saving) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/savings/" + saving + "/deliveries"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"year\":\"" + APPEND_YEAR + "\",\"amount\":0.01,"
                        + "\"reason\":\"benchmark\",\"effectiveDate\":\"2024-06-01\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("delivery answered " + response.statusCode() + ": " + response.body());
        }
        return Long.parseLong(JSON.readTree(response.body()).get("consistencyToken").asText());
    }

    /** {@link ClosedLoop} with this run's warm-up. */
    ClosedLoop.Measured closedLoop(int threads, Duration window, ClosedLoop.Task task) throws Exception {
        return ClosedLoop.run(threads, sizes.warmup(), window, task);
    }

    /**
     * Stores a generated ledger straight into the event store, as the aggregates would have stored it,
     * in batches of 1,000, each event's payload passed through {@code payload} first; answers how many.
     */
    long load(LedgerGenerator generator, UnaryOperator<LedgerEvent> payload) {
        EventStore store = context.getBean(EventStore.class);
        List<EventMessage<?>> batch = new ArrayList<>(1000);
        long[] count = {0};
        generator.events(event -> {
            batch.add(new GenericDomainEventMessage<>(event.aggregateType(), event.aggregateId(), event.sequence(),
                    payload.apply(event.payload()), MetaData.emptyInstance(), UUID.randomUUID().toString(), event.recordedAt()));
            if (batch.size() == 1000) {
                store.publish(batch);
                count[0] += batch.size();
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            store.publish(batch);
            count[0] += batch.size();
        }
        return count[0];
    }

    interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Runs one SQL query on the event store's PostgreSQL. */
    <T> T query(String sql, Rows<T> read) {
        try (Connection connection = context.getBean(DataSource.class).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return read.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long headIndex() {
        return query("select coalesce(max(global_index), 0) from domain_event_entry", max -> {
            max.next();
            return max.getLong(1);
        });
    }

    void awaitReadModels(long index, Duration patience) throws InterruptedException {
        ReadModelProgress progress = context.getBean(ReadModelProgress.class);
        long deadline = System.nanoTime() + patience.toNanos();
        while (!progress.hasHandled(index)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read models did not reach event " + index + " within " + patience);
            }
            Thread.sleep(100);
        }
    }
}
