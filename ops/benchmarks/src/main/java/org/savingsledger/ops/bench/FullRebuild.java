package org.savingsledger.ops.bench;

import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.infrastructure.ReadModelRebuilds;
import org.springframework.context.ApplicationContext;

import java.util.EnumSet;

/**
 * A rebuild of every read model as an operator starts it ({@link ReadModelRebuilds}), for the
 * figures timed or sampled while it runs: a figure of a rebuild that did not complete would be of
 * something else, so {@link #requireCompleted} fails the run instead.
 */
final class FullRebuild {

    private final ReadModelRebuilds rebuilds;
    private final ReadModelGenerations generations;

    FullRebuild(ApplicationContext context) {
        this.rebuilds = context.getBean(ReadModelRebuilds.class);
        this.generations = context.getBean(ReadModelGenerations.class);
    }

    /** Generations earlier rebuilds retired and the store still keeps. */
    int retiredKept() {
        int retired = 0;
        for (StreamKind kind : StreamKind.values()) {
            retired += generations.state(kind).retired().size();
        }
        return retired;
    }

    void start() {
        rebuilds.start(EnumSet.allOf(StreamKind.class));
    }

    boolean running() {
        return EnumSet.allOf(StreamKind.class).stream().anyMatch(rebuilds::isRunningHere);
    }

    void requireCompleted() {
        for (StreamKind kind : StreamKind.values()) {
            ReadModelGenerations.State state = generations.state(kind);
            if (!"COMPLETED".equals(state.outcome())) {
                throw new IllegalStateException("the rebuild of " + kind.readModel() + " ended " + state.outcome() + ": " + state.detail());
            }
        }
    }
}
