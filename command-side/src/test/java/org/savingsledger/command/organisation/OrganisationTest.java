package org.savingsledger.command.organisation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.InMemoryLedgerDirectory;
import org.savingsledger.command.rules.DuplicateIdentifier;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.events.organisation.OrganisationRegistered;
import org.savingsledger.shared.OrganisationId;
import org.savingsledger.shared.Provenance;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Registering Nottinghamshire County Council (ONS GSS code E10000024). */
class OrganisationTest {

    private static final OrganisationId ID = OrganisationId.of("nottinghamshire");
    private static final Provenance BY_ADMIN = new Provenance("admin", "adopting organisations",
            LocalDate.of(2024, 6, 1), null);

    private AggregateTestFixture<Organisation> fixture;
    private InMemoryLedgerDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
        directory = new InMemoryLedgerDirectory();
        fixture.registerInjectableResource(directory);
    }

    @Test
    void registerOrganisation_recordsItsNameAndGssCode() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation(ID, " Nottinghamshire County Council ", "E10000024", BY_ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrganisationRegistered(ID, "Nottinghamshire County Council", "E10000024", BY_ADMIN));
    }

    @Test
    void registerOrganisation_withoutAGssCodeRecordsNone() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation(ID, "Nottinghamshire County Council", " ", BY_ADMIN))
                .expectEvents(new OrganisationRegistered(ID, "Nottinghamshire County Council", null, BY_ADMIN));
    }

    @Test
    void registerOrganisation_withAnIdInUseIsADuplicateIdentifier() {
        directory.taken(ID.value(), LedgerKind.PROGRAMME);
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation(ID, "Nottinghamshire County Council", null, BY_ADMIN))
                .expectException(DuplicateIdentifier.class)
                .expectExceptionMessage("the id 'nottinghamshire' is already in use")
                .expectNoEvents();
    }

    @Test
    void aGssCodeIsOneCapitalLetterAndEightDigits() {
        for (String code : new String[] {"e10000024", "E1000002", "E100000240", "10000024E", "EE0000024"}) {
            assertThatThrownBy(() -> new RegisterOrganisation(ID, "Nottinghamshire", code, BY_ADMIN))
                    .as(code).isInstanceOfSatisfying(InvalidCommand.class,
                            invalid -> assertThat(invalid.field()).isEqualTo("gssCode"));
        }
    }

    @Test
    void anIdIsALowerCaseSlug() {
        assertThat(OrganisationId.isValid("east-riding")).isTrue();
        assertThat(OrganisationId.isValid("council-000-5x")).isTrue();
        for (String id : new String[] {"Essex", "essex county council", "-essex", "essex-", "essex--county", "",
                "a".repeat(64)}) {
            assertThat(OrganisationId.isValid(id)).as(id).isFalse();
        }
    }
}
