package org.savingsledger.query.odata;

import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ODataServerError;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.DefaultProcessor;
import org.apache.olingo.server.api.processor.ErrorProcessor;

/**
 * Every refusal under {@code /odata} in the OData JSON error format (OData JSON Format §21): a code
 * always (Olingo's own message key for what its parser refuses, ours for the rest), the message, and the
 * target where one query option is to blame; {@code Allow} with a 405 and {@code Retry-After} with a 503.
 */
final class FeedErrors implements ErrorProcessor {

    private final DefaultProcessor writer = new DefaultProcessor();

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        writer.init(odata, metadata);
    }

    @Override
    public void processError(ODataRequest request, ODataResponse response, ODataServerError error, ContentType format) {
        if (error.getException() instanceof Refusal refusal && refusal.target() != null && error.getTarget() == null) {
            error.setTarget(refusal.target());
        }
        if (error.getCode() == null) {
            error.setCode(error.getException() instanceof ODataLibraryException library && library.getMessageKey() != null
                    ? library.getMessageKey().getKey() : status(error.getStatusCode()));
        }
        if (error.getStatusCode() == HttpStatusCode.METHOD_NOT_ALLOWED.getStatusCode()) {
            response.setHeader("Allow", "GET");
        }
        if (error.getStatusCode() == HttpStatusCode.SERVICE_UNAVAILABLE.getStatusCode()) {
            response.setHeader("Retry-After", "1");
        }
        if (error.getStatusCode() >= 500 && error.getStatusCode() != 501 && error.getStatusCode() != 503) {
            // the cause is in the log with the request's correlation id, never in the answer
            org.slf4j.LoggerFactory.getLogger(FeedErrors.class).error("OData request failed", error.getException());
            error.setMessage("the OData feed failed to answer; the log has the cause under this request's correlation id");
        }
        writer.processError(request, response, error, format == null || !format.isCompatible(ContentType.APPLICATION_JSON)
                ? ContentType.JSON : format);
    }

    private static String status(int code) {
        HttpStatusCode status = HttpStatusCode.fromStatusCode(code);
        return status == null ? Integer.toString(code) : status.name();
    }
}
