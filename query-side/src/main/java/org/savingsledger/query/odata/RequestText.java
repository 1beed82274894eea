package org.savingsledger.query.odata;

import org.springframework.web.util.UriUtils;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two rewrites of a request's text before Olingo parses it, each for what real clients send:
 * <ul>
 *     <li>A slash inside a quoted key value ({@code saving_years(saving_id='s',year='2018/19')}, as
 *     Olingo's own client sends it) is escaped, so that it is not taken for a path separator. (A client
 *     that escapes it itself, {@code %2F}, is refused by the web server and its firewall, as everywhere.)</li>
 *     <li>Operators and keywords in {@code $filter} and {@code $orderby} written in capitals
 *     ({@code organisation EQ 'x'}, {@code AND}, {@code DESC}), which OData 4.01 allows and Olingo's
 *     4.0 parser does not, are lower-cased outside string literals (no property is named like one); and a
 *     {@code +} in them is a space, as in a form's encoding (Java's {@code URLEncoder}), as it always was here.</li>
 * </ul>
 */
final class RequestText {

    private static final Set<String> KEYWORDS = Set.of("eq", "ne", "gt", "ge", "lt", "le", "and", "or", "not", "in",
            "has", "add", "sub", "mul", "div", "mod", "asc", "desc", "null", "true", "false", "contains", "startswith",
            "endswith", "tolower", "toupper", "trim", "length", "indexof", "substring", "concat");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RequestText() {
    }

    /** The raw path with each {@code /} inside a quoted literal written {@code %2F}. */
    static String slashesInLiteralsEscaped(String rawPath) {
        StringBuilder path = new StringBuilder(rawPath.length());
        boolean quoted = false;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '\'' || rawPath.startsWith("%27", i)) {
                quoted = !quoted;
            }
            path.append(quoted && c == '/' ? "%2F" : String.valueOf(c));
        }
        return path.toString();
    }

    /** The raw query string with {@code $filter} and {@code $orderby} keywords in lower case. */
    static String keywordsLowerCased(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        StringJoiner query = new StringJoiner("&");
        for (String part : rawQuery.split("&", -1)) {
            int equals = part.indexOf('=');
            String name = equals < 0 ? part : formDecoded(part.substring(0, equals));
            if (equals > 0 && (name.equals("$filter") || name.equals("$orderby"))) {
                String raw = part.substring(equals + 1);
                String lowered = lowerCased(formDecoded(raw));
                query.add(lowered.equals(formDecoded(raw)) && !raw.contains("+") ? part
                        : part.substring(0, equals + 1) + UriUtils.encodeQueryParam(lowered, StandardCharsets.UTF_8));
            } else {
                query.add(part);
            }
        }
        return query.toString();
    }

    /** As a browser's form or Java's URLEncoder writes it, {@code +} for a space, as servlet parameters read it. */
    private static String formDecoded(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // Olingo refuses it as it stands
            return raw;
        }
    }

    private static String lowerCased(String expression) {
        StringBuilder result = new StringBuilder(expression.length());
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                while (end < expression.length()) {
                    if (expression.charAt(end) == '\'') {
                        if (end + 1 < expression.length() && expression.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, expression.length());
                result.append(expression, i, end);
                i = end;
                continue;
            }
            Matcher word = WORD.matcher(expression).region(i, expression.length());
            if (word.lookingAt()) {
                String text = word.group();
                String lower = text.toLowerCase(Locale.ROOT);
                result.append(KEYWORDS.contains(lower) ? lower : text);
                i = word.end();
                continue;
            }
            result.append(c);
            i++;
        }
        return result.toString();
    }
}
