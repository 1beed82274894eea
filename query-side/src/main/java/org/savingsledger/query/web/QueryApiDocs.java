package org.savingsledger.query.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.savingsledger.query.bi.Dataset;
import org.savingsledger.query.bi.ExtractFormat;
import org.savingsledger.web.apidocs.LedgerApiDocs;
import org.savingsledger.web.apidocs.ProblemAnswers;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.util.ArrayList;
import java.util.List;

/**
 * What the query side's description says beyond the annotations: the BI extracts' file names and content
 * types, taken from {@link Dataset} and {@link ExtractFormat} so that they cannot drift from what is served.
 * What both sides' descriptions share is {@link LedgerApiDocs}'.
 */
@Configuration(proxyBeanMethods = false)
@Import(LedgerApiDocs.class)
public class QueryApiDocs {

    static final String EXTRACT_PATH = "/api/bi/{file}";

    @Bean
    OpenApiCustomizer biExtractFiles() {
        return openApi -> {
            PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(EXTRACT_PATH);
            if (item == null || item.getGet() == null) {
                return;
            }
            Operation extract = item.getGet();
            extract.getParameters().stream().filter(p -> "file".equals(p.getName()) && "path".equals(p.getIn()))
                    .forEach(p -> p.description("the dataset and its format: a dataset's name (docs/bi-datasets.md) and the "
                            + "format's extension").schema(new StringSchema()._enum(fileNames())));
            Content files = new Content();
            for (ExtractFormat format : ExtractFormat.values()) {
                files.addMediaType(mediaType(format), new MediaType().schema(new StringSchema()
                        .description(format.extension() + " rows, UTF-8")));
            }
            extract.getResponses().put("200", new ApiResponse().description("the dataset's rows, streamed; its SHA-256 "
                            + "follows as a Repr-Digest trailer to a client that sent TE: trailers").content(files)
                    .addHeaderObject("ETag", new Header().description("fingerprint of the request and the read models' "
                            + "position: send it back as If-None-Match").schema(new StringSchema()))
                    .addHeaderObject("Content-Disposition", new Header().description("attachment; filename=<file>")
                            .schema(new StringSchema())));
            extract.getResponses().put("304", new ApiResponse().description("If-None-Match named the current ETag: "
                    + "nothing was recorded since"));
            ProblemAnswers.add(extract.getResponses(), "404", "no such dataset or format, or an organisation or "
                    + "programme the caller cannot see (" + org.savingsledger.web.problem.ProblemType.NOT_FOUND.type() + ")");
        };
    }

    /** Every file {@code /api/bi/} serves: each dataset in each format. */
    static List<String> fileNames() {
        List<String> names = new ArrayList<>();
        for (Dataset dataset : Dataset.values()) {
            for (ExtractFormat format : ExtractFormat.values()) {
                names.add(dataset.fileName() + "." + format.extension());
            }
        }
        return names;
    }

    /** The content type without its charset parameter, as OpenAPI keys media types. */
    private static String mediaType(ExtractFormat format) {
        int parameters = format.contentType().indexOf(';');
        return parameters < 0 ? format.contentType() : format.contentType().substring(0, parameters);
    }
}
