package org.savingsledger.query.odata;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.olingo.commons.api.edmx.EdmxReference;
import org.apache.olingo.commons.api.edmx.EdmxReferenceInclude;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.savingsledger.query.web.ReadYourWrites;
import org.savingsledger.query.web.SignedInQueries;
import org.savingsledger.web.PublicLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The OData v4 feed over the BI datasets, for Power BI's and Excel's OData Feed connectors, served by
 * Apache Olingo from a Spring MVC method so that the security chains, request metrics and correlation id
 * apply to it as to the rest of the API. Hidden from the OpenAPI document: OData describes itself in
 * {@code /odata/$metadata}. docs/odata.md says what of the protocol is supported.
 */
@Hidden
@RestController
class ODataEndpoint {

    private static final LedgerEdm MODEL = new LedgerEdm();

    private final SignedInQueries queries;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;
    private final PublicLinks links;
    private final MeterRegistry meters;
    private final int pageSize;
    private final int sortLimit;

    ODataEndpoint(SignedInQueries queries, ReadYourWrites readYourWrites, Clock clock, PublicLinks links,
                  MeterRegistry meters, @Value("${ledger.odata.page-size:1000}") int pageSize,
                  @Value("${ledger.odata.sort-limit:100000}") int sortLimit) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
        this.links = links;
        this.meters = meters;
        this.pageSize = pageSize;
        this.sortLimit = sortLimit;
    }

    @RequestMapping({ServiceRootRequest.PREFIX, ServiceRootRequest.PREFIX + "/**"})
    void serve(HttpServletRequest request, HttpServletResponse response) {
        String serviceRoot = links.base(request) + ServiceRootRequest.PREFIX;
        // per request, as Olingo's handler and processors are not shared between threads
        OData odata = OData.newInstance();
        ODataHttpHandler handler = odata.createHandler(odata.createServiceMetadata(MODEL, vocabularies()));
        handler.register(new SetProcessor(new FeedContext(queries, readYourWrites, clock, pageSize, sortLimit, meters,
                serviceRoot)));
        handler.register(new ServiceDocument(serviceRoot));
        handler.register(new FeedErrors());
        handler.register(new JsonOnly());
        handler.process(new ServiceRootRequest(request, serviceRoot), response);
    }

    private static List<EdmxReference> vocabularies() {
        EdmxReference capabilities = new EdmxReference(URI.create(Capabilities.VOCABULARY));
        capabilities.addInclude(new EdmxReferenceInclude(Capabilities.NAMESPACE, Capabilities.ALIAS));
        return List.of(capabilities);
    }
}
