package org.savingsledger.query.ui;

import org.savingsledger.query.reading.CouncilTime;
import org.savingsledger.query.web.QueryParameters;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The moment a page shows the figures at, as the page's URL gives it: {@code asAt} (what the ledger knew then: an
 * instant, or a date meaning the end of that day, UK time) and {@code effectiveOn} (the date the figures are
 * effective on), read exactly as the API reads them. Kept in every link a page makes, so a shared link reproduces
 * the page; {@code null} for either means now.
 */
public record AsAt(String asAt, String effectiveOn) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** A field of the as-at control that cannot be read, and why. */
    public record Problem(String field, String message) {
    }

    public static AsAt of(String asAt, String effectiveOn) {
        return new AsAt(blankAsNull(asAt), blankAsNull(effectiveOn));
    }

    /** Whether the page shows anything but the figures now. */
    public boolean isSet() {
        return asAt != null || effectiveOn != null;
    }

    public Instant instant(Clock clock) {
        return QueryParameters.asAt(asAt, clock);
    }

    public LocalDate effectiveDate(Clock clock) {
        return QueryParameters.effectiveOn(effectiveOn, clock);
    }

    /** What cannot be read of the two, in the order the control shows them. */
    public List<Problem> problems(Clock clock) {
        List<Problem> problems = new ArrayList<>();
        try {
            instant(clock);
        } catch (QueryParameters.InvalidQuery e) {
            problems.add(new Problem("asAt", "Enter the time as a date like 2018-03-12, or a date and time like "
                    + "2018-03-12T10:15:00Z"));
        }
        try {
            effectiveDate(clock);
        } catch (QueryParameters.InvalidQuery e) {
            problems.add(new Problem("effectiveOn", "Enter the effective date as a date like 2018-03-12"));
        }
        return problems;
    }

    /** {@code path} with this moment's parameters, the link of a page at the same moment. */
    public String link(String path) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (asAt != null) {
            uri.queryParam("asAt", asAt);
        }
        if (effectiveOn != null) {
            uri.queryParam("effectiveOn", effectiveOn);
        }
        return uri.encode().build().toUriString();
    }

    /** The banner's words: when the ledger knew the figures (UK time) and the date they are effective on. */
    public String describe(Clock clock) {
        return "Figures as the ledger knew them at " + WHEN.format(instant(clock).atZone(CouncilTime.LONDON))
                + " (UK time), effective on " + DAY.format(effectiveDate(clock));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
