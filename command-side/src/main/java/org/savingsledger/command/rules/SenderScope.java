package org.savingsledger.command.rules;

import org.axonframework.messaging.MetaData;
import org.savingsledger.web.access.OrganisationScope;

/**
 * The organisations a command's sender may see, for rules that look at other aggregates: an id of an
 * organisation outside it must be answered exactly as an id that does not exist. The organisation check
 * puts it on every command a signed-in user sends, as metadata under {@link #METADATA_KEY}; it is not
 * copied to events. A command without it sees no organisation but the aggregate's own (fail closed).
 */
public final class SenderScope {

    public static final String METADATA_KEY = "senderOrganisations";

    private SenderScope() {
    }

    public static OrganisationScope of(MetaData metaData) {
        return metaData.get(METADATA_KEY) instanceof OrganisationScope scope ? scope : OrganisationScope.none();
    }
}
