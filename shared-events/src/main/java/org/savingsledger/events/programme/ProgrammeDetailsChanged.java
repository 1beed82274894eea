package org.savingsledger.events.programme;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/**
 * The programme was renamed, its description replaced or it moved to another directorate; a null field was left as
 * it was. Revision 1 events read with no directorate (left as it was).
 */
@Revision("2")
public record ProgrammeDetailsChanged(ProgrammeId programmeId, String name, String description,
                                      Provenance provenance, String directorate) implements ProgrammeEvent {

    /** A change of name or description only. */
    public ProgrammeDetailsChanged(ProgrammeId programmeId, String name, String description, Provenance provenance) {
        this(programmeId, name, description, provenance, null);
    }
}
