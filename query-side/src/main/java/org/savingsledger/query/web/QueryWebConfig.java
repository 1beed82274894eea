package org.savingsledger.query.web;

import org.savingsledger.web.LedgerWeb;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The query side's web layer: the edge it shares with the command side ({@link LedgerWeb}: users,
 * error pages, links, the clock the query defaults read — asAt now, effectiveOn today); its own
 * refusals are {@link QueryProblems}.
 */
@Configuration(proxyBeanMethods = false)
@Import(LedgerWeb.class)
public class QueryWebConfig {
}
