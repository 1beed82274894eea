package org.savingsledger.query.committee;

import org.savingsledger.query.history.Fact;
import org.savingsledger.query.reading.FactTypes;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A committee: the programmes it oversees and the reports presented to it. Like a programme it
 * exists once its establishment is recorded, and so does each report once recorded (a report is a
 * record of a meeting, not a figure that takes effect); an assignment of a programme counts once
 * effective. {@code effectiveFrom} is the establishment's effective date.
 */
public record CommitteeView(String id, String organisation, String name, List<String> programmes,
                            List<ReportRef> reports, LocalDate effectiveFrom) {

    /** The fold of a committee's facts recorded by the instant asked about, oldest first; empty until it was established. */
    public static Optional<CommitteeView> of(String id, List<Fact> recorded, LocalDate effectiveOn) {
        Fact established = recorded.stream().filter(FactTypes::opensCommittee).findFirst().orElse(null);
        if (established == null) {
            return Optional.empty();
        }
        List<String> programmes = recorded.stream().filter(fact -> fact.isEffectiveBy(effectiveOn))
                .map(f -> f.attribute("programmeId")).filter(Objects::nonNull).distinct().toList();
        List<ReportRef> reports = recorded.stream().filter(FactTypes::presentsReport).map(ReportRef::of).toList();
        return Optional.of(new CommitteeView(id, established.attribute("organisation"), established.attribute("name"),
                programmes, reports, established.effectiveDate()));
    }
}
