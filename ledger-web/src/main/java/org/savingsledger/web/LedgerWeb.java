package org.savingsledger.web;

import org.savingsledger.web.problem.ProblemErrorPage;
import org.savingsledger.web.security.LedgerSecurity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * The HTTP edge every deployable has, imported by each side's own web configuration: who is signed in
 * ({@link LedgerSecurity}), the error page and the web server's refusals as problem+json, where links
 * point, the correlation id of every request, and "now". The all-in-one imports it through both sides
 * and Spring makes its beans once, so it and the split deployables hold the same beans without any bean
 * backing off for another.
 * Each side adds what only it has: its security chain, its exception handlers, its filters.
 */
@Configuration(proxyBeanMethods = false)
@Import({LedgerSecurity.class, ProblemErrorPage.class})
public class LedgerWeb {

    /** UTC; defaults in Europe/London (a command's effective date, a query's today) are taken from it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** First of all filters, on both sides: every answer carries the id, and every event the request causes records it. */
    @Bean
    CorrelationIdFilter correlationIdFilter() {
        return new CorrelationIdFilter();
    }

    @Bean
    PublicLinks publicLinks(@Value("${ledger.public-base-url:}") String publicBaseUrl,
                            @Value("${server.forward-headers-strategy:none}") String forwardHeadersStrategy) {
        return new PublicLinks(publicBaseUrl, forwardHeadersStrategy);
    }
}
