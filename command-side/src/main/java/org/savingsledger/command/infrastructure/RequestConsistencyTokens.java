package org.savingsledger.command.infrastructure;

import org.axonframework.commandhandling.CommandResultMessage;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The consistency token of the command the current HTTP request sent, as its own transaction read it
 * just before committing ({@link LedgerCommandBus}). The result message carries it to the sending
 * thread, whichever thread ran the command; {@link LedgerCommandGateway} keeps it with the request
 * for the response. Nothing is read from the database here.
 */
@Component
class RequestConsistencyTokens implements ConsistencyTokens {

    private static final String ATTRIBUTE = RequestConsistencyTokens.class.getName();

    /** Keeps the token of a command's result with the request being served on this thread, if any. */
    void remember(CommandResultMessage<?> result) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && result.getMetaData().get(LedgerCommandBus.TOKEN) instanceof LedgerCommandBus.LatestEvent latest) {
            request.setAttribute(ATTRIBUTE, latest, RequestAttributes.SCOPE_REQUEST);
        }
    }

    @Override
    public String tokenFor(String aggregateId, long version) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object recorded = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (recorded instanceof LedgerCommandBus.LatestEvent latest && latest.aggregateId().equals(aggregateId)
                && latest.sequenceNumber() >= version) {
            return Long.toString(latest.globalIndex());
        }
        // a programming error (the answer names an event this request's command did not record), never a client's
        throw new IllegalStateException("this request's command recorded no consistency token for event " + version
                + " of " + aggregateId + " (recorded: " + recorded + ")");
    }
}
