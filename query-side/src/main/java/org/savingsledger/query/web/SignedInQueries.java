package org.savingsledger.query.web;

import org.savingsledger.query.bi.Extraction;
import org.savingsledger.query.committee.CommitteeQueries;
import org.savingsledger.query.committee.ReportPacks;
import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.organisation.OrganisationQueries;
import org.savingsledger.query.programme.ProgrammeQueries;
import org.savingsledger.query.reading.Visibility;
import org.savingsledger.query.reading.VisibleHistory;
import org.savingsledger.query.saving.SavingQueries;
import org.savingsledger.web.access.OrganisationScope;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * The queries as the signed-in user may see them, over the generations of the read models that
 * queries read now and unchanged for the life of the returned object: take one per request. The
 * only place the query side turns a user's grants into a {@link Visibility}.
 */
@Component
public class SignedInQueries {

    private final ReadModelGenerations generations;

    public SignedInQueries(ReadModelGenerations generations) {
        this.generations = generations;
    }

    public SavingQueries savings() {
        return new SavingQueries(history());
    }

    public ProgrammeQueries programmes() {
        return new ProgrammeQueries(history());
    }

    public CommitteeQueries committees() {
        return new CommitteeQueries(history());
    }

    public ReportPacks reportPacks() {
        return new ReportPacks(history());
    }

    public OrganisationQueries organisations() {
        return new OrganisationQueries(history());
    }

    public Extraction extraction() {
        return new Extraction(history());
    }

    /** When the ledger first recorded a programme, saving or committee the user may see; empty otherwise. */
    public Optional<Instant> firstRecorded(StreamKind kind, String id) {
        return history().firstRecorded(kind, id);
    }

    private VisibleHistory history() {
        return new VisibleHistory(generations.reading(), visibility());
    }

    /**
     * The organisations the signed-in user is granted: every organisation only for the administrator,
     * nothing for a user granted none or when nobody is signed in (every HTTP request but health is
     * signed in, and the application makes no reads of its own through here).
     */
    static Visibility visibility() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            return Visibility.none();
        }
        OrganisationScope granted = OrganisationScope.granted(
                user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        return granted.isEveryOrganisation() ? Visibility.allOrganisations() : Visibility.of(granted::includes);
    }
}
