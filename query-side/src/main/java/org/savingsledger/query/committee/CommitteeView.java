package org.savingsledger.query.committee;

import org.savingsledger.query.history.Fact;
import org.savingsledger.query.reading.FactTypes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A committee: the programmes it oversees and the reports presented to it. */
public record CommitteeView(String id, String organisation, String name, List<String> programmes,
                            List<ReportRef> reports) {

    /** The fold of a committee's visible facts, oldest first; empty until it was established. */
    public static Optional<CommitteeView> of(String id, List<Fact> visible) {
        Fact established = visible.stream().filter(FactTypes::opensCommittee).findFirst().orElse(null);
        if (established == null) {
            return Optional.empty();
        }
        List<String> programmes = visible.stream().map(f -> f.attribute("programmeId"))
                .filter(Objects::nonNull).distinct().toList();
        List<ReportRef> reports = visible.stream().filter(FactTypes::presentsReport).map(ReportRef::of).toList();
        return Optional.of(new CommitteeView(id, established.attribute("organisation"), established.attribute("name"),
                programmes, reports));
    }
}
