package org.savingsledger.query.odata;

import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.ServiceDocumentProcessor;
import org.apache.olingo.server.api.uri.UriInfo;

/** The service document, its {@code @odata.context} absolute under the public base URL like every other link. */
final class ServiceDocument implements ServiceDocumentProcessor {

    private final String serviceRoot;
    private OData odata;
    private ServiceMetadata metadata;

    ServiceDocument(String serviceRoot) {
        this.serviceRoot = serviceRoot;
    }

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        this.odata = odata;
        this.metadata = metadata;
    }

    @Override
    public void readServiceDocument(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
            throws ODataLibraryException {
        response.setContent(odata.createSerializer(format).serviceDocument(metadata, serviceRoot + "/").getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }
}
