package org.savingsledger.query.odata;

import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.server.api.serializer.CustomContentTypeSupport;
import org.apache.olingo.server.api.serializer.RepresentationType;

import java.util.List;

/**
 * The formats served: JSON (metadata minimal, full or none, optionally IEEE754Compatible) for data and
 * errors, and XML for {@code $metadata}; an {@code Accept} or {@code $format} asking only for
 * anything else (Atom, XML data) is a 406.
 */
final class JsonOnly implements CustomContentTypeSupport {

    @Override
    public List<ContentType> modifySupportedContentTypes(List<ContentType> defaults, RepresentationType type) {
        if (type == RepresentationType.METADATA) {
            // CSDL JSON is OData 4.01: Power BI and Excel read the XML
            return List.of(ContentType.APPLICATION_XML);
        }
        List<ContentType> json = defaults.stream().filter(t -> t.isCompatible(ContentType.APPLICATION_JSON)).toList();
        return json.isEmpty() ? defaults : json;
    }
}
