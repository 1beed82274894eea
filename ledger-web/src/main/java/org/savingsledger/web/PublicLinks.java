package org.savingsledger.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Where the absolute links of the API point (a create's {@code Location}, OData's {@code @odata.context}
 * and {@code @odata.nextLink}): the application's public base URL. Never the {@code Host} header a client sent, which any client can set: the ledger
 * would otherwise hand out links to a host of the client's choosing (a cache in front of it poisoned, a
 * user's next request and credentials sent elsewhere). In order of precedence:
 * <ol>
 *     <li>{@code ledger.public-base-url}, the URL clients reach the application at (behind the TLS proxy,
 *     e.g. {@code https://ledger.example.gov.uk}): set it in production;</li>
 *     <li>with {@code server.forward-headers-strategy} {@code native} or {@code framework}, the request as
 *     the trusted proxy forwarded it ({@code Forwarded} or {@code X-Forwarded-*}, applied by Tomcat or by
 *     Spring before the request gets here);</li>
 *     <li>otherwise the address and port the connection arrived at ({@code localhost} on a loopback
 *     interface), which a client cannot choose.</li>
 * </ol>
 */
public class PublicLinks {

    private static final Set<String> TRUSTING_PROXIES = Set.of("native", "framework");

    private final String configured;
    private final boolean fromProxy;

    /**
     * @param publicBaseUrl          {@code ledger.public-base-url}, blank when not set
     * @param forwardHeadersStrategy {@code server.forward-headers-strategy}
     */
    public PublicLinks(String publicBaseUrl, String forwardHeadersStrategy) {
        this.configured = publicBaseUrl.isBlank() ? null : validated(publicBaseUrl.strip());
        this.fromProxy = TRUSTING_PROXIES.contains(forwardHeadersStrategy.strip().toLowerCase(Locale.ROOT));
    }

    /** The base URL for the request being served, without a trailing slash. */
    public String base() {
        return base(((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest());
    }

    /** The base URL for {@code request}, without a trailing slash: links are this followed by an absolute path. */
    public String base(HttpServletRequest request) {
        if (configured != null) {
            return configured;
        }
        if (fromProxy) {
            return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        }
        String scheme = request.getScheme();
        int port = request.getLocalPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return UriComponentsBuilder.newInstance().scheme(scheme).host(host(request.getLocalAddr()))
                .port(defaultPort ? -1 : port).path(request.getContextPath()).build().toUriString();
    }

    /** The address a connection arrived at as a URL's host; a zone id names an interface of this machine only. */
    private static String host(String address) {
        String literal = address.contains("%") ? address.substring(0, address.indexOf('%')) : address;
        boolean isLiteral = literal.contains(":") || literal.matches("[0-9.]+");
        try {
            // a literal is parsed, never looked up
            if (isLiteral && InetAddress.getByName(literal).isLoopbackAddress()) {
                return "localhost";
            }
        } catch (UnknownHostException e) {
            // not an address after all: used as it is
        }
        return literal.contains(":") ? "[" + literal + "]" : literal;
    }

    private static String validated(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!Set.of("http", "https").contains(scheme) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(value);
        }
        return value.replaceAll("/+$", "");
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException("ledger.public-base-url must be an absolute http or https URL without user, "
                + "query or fragment, e.g. https://ledger.example.gov.uk, not '" + value + "'");
    }
}
