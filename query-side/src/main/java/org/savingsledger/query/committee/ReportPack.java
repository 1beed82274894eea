package org.savingsledger.query.committee;

import org.savingsledger.query.saving.SavingPosition;

import java.util.List;
import java.util.Map;

/**
 * What a committee pack shows of a report: its figures as presented, each programme's savings folded by
 * the same rule (known at {@code presentedAt}, counting changes effective by {@code figuresEffectiveOn}),
 * the report presented to the committee just before it ({@code previous}, null for its first), and every
 * change to its programmes and their savings recorded after that one's presentation and by this one's.
 */
public record ReportPack(String committeeName, ReportView report, Map<String, List<SavingPosition>> savings,
                         ReportRef previous, List<ChangeSince> changes) {
}
