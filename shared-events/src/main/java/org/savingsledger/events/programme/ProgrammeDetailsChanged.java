package org.savingsledger.events.programme;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/** The programme was renamed or its description replaced; a null field was left as it was. */
@Revision("1")
public record ProgrammeDetailsChanged(ProgrammeId programmeId, String name, String description,
                                      Provenance provenance) implements ProgrammeEvent {
}
