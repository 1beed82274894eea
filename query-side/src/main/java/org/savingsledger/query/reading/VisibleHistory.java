package org.savingsledger.query.reading;

import org.bson.Document;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.StreamKind;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * The history store as one visibility sees it: a query first asks whether a stream is shown, then
 * reads it by id from {@link #store()}. Anything of an organisation not shown is as if it did not
 * exist. An instance reads the generations of the read models its store is pinned to.
 */
public final class VisibleHistory {

    private final HistoryStore store;
    private final Visibility visibility;

    public VisibleHistory(HistoryStore store, Visibility visibility) {
        this.store = Objects.requireNonNull(store, "store");
        this.visibility = Objects.requireNonNull(visibility, "visibility");
    }

    /** The store, for reading streams already known to be shown (and the savings of a shown programme). */
    public HistoryStore store() {
        return store;
    }

    /** Whether {@code id} is a stream of that kind and belongs to an organisation shown. */
    public boolean shows(StreamKind kind, String id) {
        return store.head(kind, id).filter(head -> visibility.isAllOrganisations()
                || visibility.includes(organisationOf(kind, head))).isPresent();
    }

    /**
     * The head of {@code id} with only {@code fields} (a saving's must include {@code programmeId}), when it is a
     * stream of that kind of an organisation shown: one read where {@link #shows} and a read of the head were two.
     */
    public Optional<Document> shownHead(StreamKind kind, String id, List<String> fields) {
        return store.head(kind, id, fields).filter(head -> visibility.isAllOrganisations()
                || visibility.includes(organisationOf(kind, head)));
    }

    /** The programmes or committees of one organisation (of all when {@code organisation} is null) that are shown, by id. */
    public List<String> ids(StreamKind kind, String organisation) {
        List<Document> heads = organisation == null ? store.heads(kind) : store.heads(kind, organisation);
        return heads.stream().filter(head -> visibility.includes(head.getString("organisation")))
                .map(head -> head.getString("_id")).toList();
    }

    /**
     * When the ledger first recorded a stream shown, to tell a query as at an earlier instant that it
     * did not exist yet rather than that it never did; empty for a stream not shown.
     */
    public Optional<Instant> firstRecorded(StreamKind kind, String id) {
        return shows(kind, id) ? Optional.ofNullable(store.firstRecorded(kind, List.of(id)).get(id)) : Optional.empty();
    }

    /** A saving belongs to its programme's organisation. */
    private String organisationOf(StreamKind kind, Document head) {
        if (kind != StreamKind.SAVING) {
            return head.getString("organisation");
        }
        return store.head(StreamKind.PROGRAMME, head.getString("programmeId"))
                .map(programme -> programme.getString("organisation")).orElse(null);
    }
}
