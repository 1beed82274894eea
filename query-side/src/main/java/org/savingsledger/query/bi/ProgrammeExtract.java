package org.savingsledger.query.bi;

import org.savingsledger.query.programme.ProgrammeSummary;
import org.savingsledger.query.reading.HistoryEntry;

import java.util.List;

/** A programme with everything an extract needs of it, built one programme at a time. */
public record ProgrammeExtract(ProgrammeSummary summary, List<SavingExtract> savings, List<HistoryEntry> history) {
}
