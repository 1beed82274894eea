package org.savingsledger.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.savingsledger.events.committee.PositionReportPresented;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link PositionReportPresented} revision 1 → 2: adds {@code figuresEffectiveOn}, the day of
 * {@code presentedAt} in Europe/London — the rule the read side applied to revision 1 reports — so a
 * report presented before the change is frozen exactly as before.
 */
public class PositionReportPresentedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = PositionReportPresented.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName()) && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
            ObjectNode report = (ObjectNode) payload;
            if (!report.hasNonNull("figuresEffectiveOn")) {
                Instant presentedAt = Instant.parse(report.get("presentedAt").asText());
                report.put("figuresEffectiveOn",
                        LocalDate.ofInstant(presentedAt, PositionReportPresented.COUNCIL_TIME).toString());
            }
            return report;
        });
    }
}
