package org.savingsledger.query.programme;

import org.savingsledger.shared.Total;

/**
 * Over the programme's years: {@code gapToTarget} = savings target − planned (savings still to be
 * found), {@code undelivered} = planned − delivered (savings found but still to deliver). The target
 * is the programme's over its period, so there is no gap per year.
 */
public record Totals(Total planned, Total delivered, Total gapToTarget, Total undelivered) {

    public Totals(Total planned, Total delivered, Total gapToTarget) {
        this(planned, delivered, gapToTarget, planned.minus(delivered));
    }
}
