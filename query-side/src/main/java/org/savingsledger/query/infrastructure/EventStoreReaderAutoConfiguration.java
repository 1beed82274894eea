package org.savingsledger.query.infrastructure;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.savingsledger.events.EventJson;
import org.savingsledger.events.upcasting.PositionReportPresentedUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * How the query side reads the event store when it runs on its own: the same table names, event
 * mapping and upcasters the command side writes with. Each bean backs off when the deployable already
 * has one — in the all-in-one the command side's {@code AxonConfig} provides them, and events are
 * upcast once. (These few lines repeat the command side's on purpose: the two sides share the events and
 * the web edge, not each other's storage wiring.)
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class})
public class EventStoreReaderAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(value = EventSchema.class, name = "eventSchema")
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    @ConditionalOnMissingBean(value = PositionReportPresentedUpcaster.class, name = "positionReportPresentedUpcaster")
    PositionReportPresentedUpcaster positionReportPresentedUpcaster() {
        return new PositionReportPresentedUpcaster();
    }

    /** The event mapping for events, messages and tokens, unless the deployable defines its serializers. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(Serializer.class)
    static class Serializers {

        @Bean
        @Primary
        Serializer serializer() {
            return JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();
        }

        @Bean
        @Qualifier("eventSerializer")
        Serializer eventSerializer(Serializer serializer) {
            return serializer;
        }

        @Bean
        @Qualifier("messageSerializer")
        Serializer messageSerializer(Serializer serializer) {
            return serializer;
        }
    }
}
