package org.savingsledger.query.programme;

import org.savingsledger.shared.Total;

/** A workstream's money in a programme: planned (withdrawn savings count 0) and delivered, over all years. */
public record WorkstreamTotals(Total planned, Total delivered) {

    public static final WorkstreamTotals ZERO = new WorkstreamTotals(Total.ZERO, Total.ZERO);

    WorkstreamTotals plus(WorkstreamTotals other) {
        return new WorkstreamTotals(planned.plus(other.planned), delivered.plus(other.delivered));
    }
}
