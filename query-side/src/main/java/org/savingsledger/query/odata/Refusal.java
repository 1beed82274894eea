package org.savingsledger.query.odata;

import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;

import java.util.Locale;

/**
 * A request the feed answers with an OData error ({@code {"error":{"code","message","target"}}}): the
 * code names the kind of refusal, the target the query option or part of the request refused.
 */
final class Refusal extends ODataApplicationException {

    private final String target;

    private Refusal(HttpStatusCode status, String code, String target, String message) {
        super(message, status.getStatusCode(), Locale.ROOT, code);
        this.target = target;
    }

    String target() {
        return target;
    }

    /** A query option or parameter that cannot be read: 400. */
    static Refusal invalid(String target, String message) {
        return new Refusal(HttpStatusCode.BAD_REQUEST, "InvalidQuery", target, message);
    }

    /** Nothing as asked (an organisation, an entity by key): 404. */
    static Refusal notFound(String target, String message) {
        return new Refusal(HttpStatusCode.NOT_FOUND, "NotFound", target, message);
    }

    /** Valid OData the feed does not implement (OData 4.0 Protocol §9.3.1): 501, never silently ignored. */
    static Refusal notImplemented(String target, String message) {
        return new Refusal(HttpStatusCode.NOT_IMPLEMENTED, "NotImplemented", target,
                message + "; docs/odata.md lists what the feed supports");
    }

    /** The feed is read-only: 405. */
    static Refusal readOnly() {
        return new Refusal(HttpStatusCode.METHOD_NOT_ALLOWED, "ReadOnly", null,
                "the OData feed is read-only: only GET (and HEAD) are allowed");
    }

    /** The read models have not reached a consistency token in time: 503. */
    static Refusal notCaughtUp(String message) {
        return new Refusal(HttpStatusCode.SERVICE_UNAVAILABLE, "NotCaughtUp", "consistencyToken", message);
    }
}
