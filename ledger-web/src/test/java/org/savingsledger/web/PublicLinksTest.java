package org.savingsledger.web;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ForwardedHeaderFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where links point: the configured public base URL, else the request as a trusted proxy forwarded it
 * (only when forwarded headers are switched on), else the address the connection arrived at; never the
 * {@code Host} or {@code X-Forwarded-*} headers a client sent on its own.
 */
class PublicLinksTest {

    @Test
    void theConfiguredPublicBaseUrlWinsWhateverTheRequestSays() {
        PublicLinks links = new PublicLinks("https://ledger.example.gov.uk/savings/", "framework");
        assertThat(links.base(spoofed("10.0.0.5", 8080))).isEqualTo("https://ledger.example.gov.uk/savings");
    }

    @Test
    void withoutConfigurationTheAddressTheConnectionArrivedAtIsUsedNotTheHeaders() {
        PublicLinks links = new PublicLinks("", "none");
        assertThat(links.base(spoofed("10.0.0.5", 8080))).isEqualTo("http://10.0.0.5:8080");
        assertThat(links.base(spoofed("127.0.0.1", 8080))).isEqualTo("http://localhost:8080");
        assertThat(links.base(spoofed("0:0:0:0:0:0:0:1", 8080))).isEqualTo("http://localhost:8080");
        assertThat(links.base(spoofed("fe80:0:0:0:0:0:0:1%eth0", 80))).isEqualTo("http://[fe80:0:0:0:0:0:0:1]");
        // Spring Boot's own default when the property is not set
        assertThat(new PublicLinks("", "").base(spoofed("10.0.0.5", 8080))).isEqualTo("http://10.0.0.5:8080");
    }

    /** With {@code server.forward-headers-strategy=framework}, Spring's filter applies the proxy's headers first. */
    @Test
    void withForwardedHeadersTrustedTheRequestIsTakenAsTheProxyForwardedIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/odata/");
        request.addHeader("Host", "10.0.0.5:8080");
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "ledger.example.gov.uk");
        request.addHeader("X-Forwarded-Port", "443");
        MockFilterChain chain = new MockFilterChain();
        new ForwardedHeaderFilter().doFilter(request, new MockHttpServletResponse(), chain);

        PublicLinks links = new PublicLinks("", "FRAMEWORK");
        assertThat(links.base((HttpServletRequest) chain.getRequest())).isEqualTo("https://ledger.example.gov.uk");
    }

    @Test
    void aPublicBaseUrlThatIsNotAnAbsoluteHttpUrlIsRefusedAtStart() {
        for (String wrong : new String[] {"ledger.example.gov.uk", "/ledger", "ftp://ledger.example.gov.uk",
                "https://user@ledger.example.gov.uk", "https://ledger.example.gov.uk/?a=b", "https://ledger.example.gov.uk/#x",
                "https://exa mple"}) {
            assertThatThrownBy(() -> new PublicLinks(wrong, "none")).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ledger.public-base-url");
        }
    }

    /** A request that arrived at {@code address:port} claiming, in every header it can, to be for evil.example. */
    private static MockHttpServletRequest spoofed(String address, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/programmes");
        request.setLocalAddr(address);
        request.setLocalPort(port);
        request.setServerPort(port);
        request.addHeader("Host", "evil.example");
        request.addHeader("X-Forwarded-Host", "evil.example");
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("Forwarded", "host=evil.example;proto=https");
        return request;
    }
}
