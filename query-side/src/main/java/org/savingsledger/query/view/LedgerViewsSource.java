package org.savingsledger.query.view;

import org.savingsledger.query.history.ReadModelGenerations;
import org.springframework.stereotype.Component;

/** Hands out views pinned to the read models' current generations: take one per request. */
@Component
public class LedgerViewsSource {

    private final ReadModelGenerations generations;

    public LedgerViewsSource(ReadModelGenerations generations) {
        this.generations = generations;
    }

    /** Views over the generations queries read now, unchanged for the life of the returned object. */
    public LedgerViews current() {
        return new LedgerViews(generations.reading());
    }
}
