package org.savingsledger.command.imports;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.infrastructure.ConsistencyTokens;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.Stage;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/** Correcting a delivery downwards is a finance officer's act: an importer without the role is told so, and nothing is sent. */
class TrackerImportsTest {

    private static final byte[] LOWER_DELIVERY = ("As at,2018-06-30\r\nUnits,£\r\n\r\n"
            + "Programme,Saving id,Delivered 2018/19\r\nnotts-asc,asc-01,50000\r\n").getBytes(StandardCharsets.UTF_8);

    private final FakeImportLedger ledger = new FakeImportLedger();
    private final CommandGateway commands = mock(CommandGateway.class);
    private final TrackerImports imports = new TrackerImports(ledger, commands, mock(ConsistencyTokens.class));

    @Test
    void aCorrectionDownwardsNeedsTheFinanceRole() {
        ledger.existing("asc-01", 6, "5379000", "3461000", "80835.55", Stage.BUSINESS_CASE, Rag.AMBER);

        ImportReport editor = imports.run("t.csv", LOWER_DELIVERY, TrackerMapping.NONE, "nottinghamshire", true, "j.smith",
                Set.of("ROLE_EDITOR", "ROLE_VIEWER")).report();
        ImportReport finance = imports.run("t.csv", LOWER_DELIVERY, TrackerMapping.NONE, "nottinghamshire", true, "j.smith",
                Set.of("ROLE_EDITOR", "ROLE_FINANCE", "ROLE_VIEWER")).report();

        assertThat(editor.outcome()).isEqualTo("HAS_PROBLEMS");
        assertThat(editor.problems()).extracting(ImportReport.Problem::message).containsExactly(
                "row 5 would correct delivery 2018/19: -£30,835.55, from £80,835.55 to £50,000.00: correcting a delivery needs "
                        + "the FINANCE role; ask a finance officer to import this tracker");
        assertThat(finance.outcome()).isEqualTo("CHECKED");
        assertThatThrownBy(() -> imports.run("t.csv", LOWER_DELIVERY, TrackerMapping.NONE, "nottinghamshire", false, "j.smith",
                Set.of("ROLE_EDITOR"))).isInstanceOf(ImportRefused.class);
        verifyNoInteractions(commands);
    }
}
