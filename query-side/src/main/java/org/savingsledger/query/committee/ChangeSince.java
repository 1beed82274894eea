package org.savingsledger.query.committee;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.savingsledger.query.reading.HistoryEntry;

/** A history entry of a saving ({@code savingId} set) or of a programme ({@code savingId} null). */
public record ChangeSince(String programmeId, String savingId, @JsonUnwrapped HistoryEntry entry) {
}
