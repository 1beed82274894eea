package org.savingsledger.query.odata;

import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code @odata.nextLink} of a page: the request's own query options, with {@code asAt} and
 * {@code effectiveOn} pinned to the instant and date of the first page, so that every page of one read
 * is one consistent extract however many commands come in meanwhile, and {@code $skiptoken} counting the
 * rows already served. A consistency token has been honoured by the first page and is left out.
 */
final class NextLink {

    private NextLink() {
    }

    static URI of(String serviceRoot, String entitySet, String rawQuery, Instant asAt, LocalDate effectiveOn,
                  long skipToken) {
        Map<String, String> options = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String part : rawQuery.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int equals = part.indexOf('=');
                String name = UriUtils.decode(equals < 0 ? part : part.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : UriUtils.decode(part.substring(equals + 1), StandardCharsets.UTF_8);
                options.putIfAbsent(name, value);
            }
        }
        options.remove(SetQuery.CONSISTENCY_TOKEN);
        options.remove("$skiptoken");
        options.put(SetQuery.AS_AT, asAt.toString());
        options.put(SetQuery.EFFECTIVE_ON, effectiveOn.toString());
        options.put("$skiptoken", Long.toString(skipToken));
        StringBuilder link = new StringBuilder(serviceRoot).append('/').append(entitySet);
        char separator = '?';
        for (Map.Entry<String, String> option : options.entrySet()) {
            link.append(separator).append(UriUtils.encodeQueryParam(option.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(UriUtils.encodeQueryParam(option.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(link.toString());
    }
}
