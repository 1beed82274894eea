package org.savingsledger.query.programme;

import org.savingsledger.shared.Total;

/** {@code gapToTarget} = savings target − planned. */
public record Totals(Total planned, Total delivered, Total gapToTarget) {
}
