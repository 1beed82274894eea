package org.savingsledger.query.infrastructure;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.saving.SavingStageChanged;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.Stage;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which events a rebuild's segments must handle in order: a stream's, and for the savings' read
 * model, which lists each programme's savings in the order they were proposed, a programme's.
 */
class RebuildProcessorTest {

    private static final ProgrammeId NOTTS = ProgrammeId.of("notts-asc");
    private static final ProgrammeId DERBY = ProgrammeId.of("derby-asc");
    private static final Provenance PROVENANCE = new Provenance("finance-officer", null, LocalDate.parse("2018-02-26"), null);

    @Test
    void theSavingsReadModelKeepsAProgrammesSavingsInOneSequence() {
        var policy = RebuildProcessor.sequencing(StreamKind.SAVING);

        assertThat(policy.getSequenceIdentifierFor(stageChanged("column-a", NOTTS)))
                .isEqualTo(policy.getSequenceIdentifierFor(stageChanged("column-b", NOTTS)))
                .isEqualTo("notts-asc");
        assertThat(policy.getSequenceIdentifierFor(stageChanged("column-c", DERBY))).isEqualTo("derby-asc");
        assertThat(policy.getSequenceIdentifierFor(launched(NOTTS))).isEqualTo("notts-asc");
    }

    @Test
    void theOtherReadModelsGoByStream() {
        for (StreamKind kind : new StreamKind[]{StreamKind.PROGRAMME, StreamKind.COMMITTEE, StreamKind.ORGANISATION}) {
            var policy = RebuildProcessor.sequencing(kind);
            assertThat(policy.getSequenceIdentifierFor(stageChanged("column-a", NOTTS))).isEqualTo("column-a");
            assertThat(policy.getSequenceIdentifierFor(launched(DERBY))).isEqualTo("derby-asc");
        }
    }

    @Test
    void settingsAreNamedAsTheBenchmarksPrintThem() {
        assertThat(new RebuildProcessor.Settings(500, 2).describe()).isEqualTo("batch 500, 2 segments each");
        assertThat(new RebuildProcessor.Settings(1, 1).describe()).isEqualTo("batch 1, 1 segment each");
        assertThatThrownBy(() -> new RebuildProcessor.Settings(500, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RebuildProcessor.Settings(0, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static EventMessage<?> stageChanged(String saving, ProgrammeId programme) {
        return new GenericDomainEventMessage<>("Saving", saving, 3,
                new SavingStageChanged(SavingId.of(saving), programme, Stage.IN_DELIVERY, Stage.DELIVERED, PROVENANCE));
    }

    private static EventMessage<?> launched(ProgrammeId programme) {
        return new GenericDomainEventMessage<>("Programme", programme.value(), 0, new ProgrammeLaunched(programme,
                "nottinghamshire", "ASC savings", null, Money.pounds(17_981_000), FinancialYear.parse("2018/19"),
                FinancialYear.parse("2021/22"), PROVENANCE));
    }
}
