package org.savingsledger.query.odata;

import io.micrometer.core.instrument.MeterRegistry;
import org.savingsledger.query.web.ReadYourWrites;
import org.savingsledger.query.web.SignedInQueries;

import java.time.Clock;

/**
 * What the processors of one request read with: the user's queries, the read-your-writes wait, the clock,
 * the default page size ({@code ledger.odata.page-size}), the most rows {@code $orderby} sorts
 * ({@code ledger.odata.sort-limit}), the meters, and the service root links point to.
 */
record FeedContext(SignedInQueries queries, ReadYourWrites readYourWrites, Clock clock, int pageSize, int sortLimit,
                   MeterRegistry meters, String serviceRoot) {
}
