package org.savingsledger.query.committee;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import org.savingsledger.query.reading.HistoryEntry;

/** A history entry of a saving ({@code savingId} set) or of a programme ({@code savingId} null). */
public record ChangeSince(String programmeId, @Schema(nullable = true) String savingId, @JsonUnwrapped HistoryEntry entry) {
}
