package org.savingsledger.query.organisation;

import org.savingsledger.query.history.Fact;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.programme.ProgrammeSummaries;
import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.reading.VisibleHistory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Organisations and the roll-up of their programmes, for any instant of knowledge ({@code asAt}) and
 * effective date ({@code effectiveOn}). An organisation exists from when it was recorded: {@code effectiveOn}
 * only decides which changes its figures count, since a council registered today names programmes that
 * ran long before. One the caller may not see is answered as one that does not exist.
 */
public class OrganisationQueries {

    private final VisibleHistory history;

    public OrganisationQueries(VisibleHistory history) {
        this.history = history;
    }

    /** Whether {@code id} is an organisation these queries show (registered now). */
    public boolean shows(String id) {
        return history.shows(StreamKind.ORGANISATION, id);
    }

    /** The organisations shown that were registered by {@code asAt}, by id. */
    public List<OrganisationRef> organisations(Instant asAt) {
        List<String> ids = history.ids(StreamKind.ORGANISATION, null);
        Map<String, List<Fact>> facts = history.store().facts(StreamKind.ORGANISATION, ids);
        return ids.stream().map(id -> OrganisationRef.of(id, facts.get(id), asAt)).flatMap(Optional::stream).toList();
    }

    /** The organisation and its programmes' figures; empty when it is not shown or was not registered by {@code asAt}. */
    public Optional<OrganisationView> organisation(String id, Instant asAt, LocalDate effectiveOn) {
        if (!shows(id)) {
            return Optional.empty();
        }
        return OrganisationRef.of(id, history.store().facts(StreamKind.ORGANISATION, id), asAt).map(organisation -> {
            List<ProgrammeSummary> programmes = List.copyOf(ProgrammeSummaries.read(history.store(),
                    history.ids(StreamKind.PROGRAMME, id), asAt, effectiveOn).values());
            return OrganisationView.of(organisation, asAt, effectiveOn, programmes);
        });
    }
}
