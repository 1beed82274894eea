package org.savingsledger.query.history;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor batch of many events is written once, at its end: nothing while its events are
 * handled, then one write command per collection, after one read of the heads it names.
 */
class HistoryWriterTest {

    private static final FinancialYear Y24 = FinancialYear.parse("2024/25");
    private static final Set<String> WRITES = Set.of("insert", "update", "delete");

    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonValue collection = event.getCommand().get(event.getCommandName());
                commands.add(event.getCommandName() + " " + (collection != null && collection.isString()
                        ? collection.asString().getValue() : ""));
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(listener).build());
        database = client.getDatabase("writer");
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aBatchOfManyEventsIsWrittenInOneCommandPerCollectionAtItsEnd() throws Exception {
        HistoryStore store = new HistoryStore(database);
        HistoryWriter writer = new HistoryWriter(HistoryTarget.of(store));
        AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(new SavingHistoryProjection(writer));
        MessageHandlerInterceptor<EventMessage<?>> boundaries = writer.batchBoundaries();
        List<EventMessage<?>> batch = new ArrayList<>();
        long index = 0;
        for (String saving : List.of("s1", "s2", "s3")) {
            batch.add(event(index++, "Saving", saving, 0, new SavingProposed(SavingId.of(saving), ProgrammeId.of("p"),
                    "Saving " + saving, null, null, Confidence.CONFIDENT, Stage.IN_DELIVERY,
                    SavingsProfile.of(Map.of(Y24, Money.pounds(1_000))), provenance())));
            for (long version = 1; version <= 12; version++) {
                batch.add(event(index++, "Saving", saving, version, new SavingDeliveryRecorded(SavingId.of(saving),
                        ProgrammeId.of("p"), Y24, Money.pounds(10), provenance())));
            }
        }
        // the batch ends with another kind's event, which the projection takes in and leaves alone
        batch.add(event(index, "Programme", "p", 0, new ProgrammeLaunched(ProgrammeId.of("p"), "org", "Programme", null,
                Money.pounds(1_000_000), Y24, Y24, provenance())));
        commands.clear();

        List<Long> writesAfterEachEvent = new ArrayList<>();
        new BatchingUnitOfWork<>(batch).executeWithResult(() -> {
            @SuppressWarnings("unchecked")
            UnitOfWork<EventMessage<?>> unitOfWork = (UnitOfWork<EventMessage<?>>) CurrentUnitOfWork.get();
            boundaries.handle(unitOfWork, () -> projection.handle(unitOfWork.getMessage()));
            writesAfterEachEvent.add(commands.stream().filter(command -> WRITES.contains(command.split(" ")[0])).count());
            return null;
        });

        assertThat(writesAfterEachEvent.subList(0, batch.size() - 1)).containsOnly(0L);
        assertThat(commands.stream().filter(command -> WRITES.contains(command.split(" ")[0])))
                .containsExactly("update saving_history_g1", "update programme_savings_g1", "update saving_heads_g1");
        assertThat(commands).containsOnlyOnce("find saving_heads_g1");
        for (String saving : List.of("s1", "s2", "s3")) {
            assertThat(store.facts(StreamKind.SAVING, saving)).hasSize(13);
            assertThat(store.head(StreamKind.SAVING, saving).orElseThrow().getLong("version")).isEqualTo(12);
        }
        assertThat(store.savingsOf("p")).containsExactly("s1", "s2", "s3");
    }

    private static EventMessage<?> event(long index, String type, String aggregate, long version, Object payload) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(index),
                new GenericDomainEventMessage<>(type, aggregate, version, payload));
    }

    private static Provenance provenance() {
        return new Provenance("tester", "because", LocalDate.of(2024, 4, 1), null);
    }
}
