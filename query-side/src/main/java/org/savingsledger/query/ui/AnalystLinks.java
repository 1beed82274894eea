package org.savingsledger.query.ui;

import org.savingsledger.query.bi.Dataset;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Arrays;
import java.util.List;

/**
 * The addresses an analyst gives Excel or Power BI for an organisation's figures at the page's moment: each BI
 * dataset as CSV and JSON Lines, and the OData service. They answer data, not pages, and sign in as the API does.
 */
record AnalystLinks(List<Extract> extracts, String odata) {

    /** A dataset's two files for the organisation, as at the page's moment. */
    record Extract(String name, String description, String csv, String jsonLines) {
    }

    static AnalystLinks of(String organisation, AsAt at) {
        return new AnalystLinks(Arrays.stream(Dataset.values()).map(dataset -> new Extract(dataset.fileName(),
                dataset.description(), extract(dataset.fileName() + ".csv", organisation, at),
                extract(dataset.fileName() + ".jsonl", organisation, at))).toList(), "/odata/");
    }

    private static String extract(String file, String organisation, AsAt at) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/bi/" + file).queryParam("organisation", organisation);
        if (at.asAt() != null) {
            uri.queryParam("asAt", at.asAt());
        }
        if (at.effectiveOn() != null) {
            uri.queryParam("effectiveOn", at.effectiveOn());
        }
        return uri.encode().build().toUriString();
    }
}
