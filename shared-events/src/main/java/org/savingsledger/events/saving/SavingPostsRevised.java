package org.savingsledger.events.saving;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.PostsProfile;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;

/** The whole posts (FTE) plan was replaced; a year left out is now zero. {@code previousPosts} is what it replaced. */
@Revision("1")
public record SavingPostsRevised(SavingId savingId, ProgrammeId programmeId, PostsProfile previousPosts, PostsProfile posts,
                                 Provenance provenance) implements SavingEvent {
}
