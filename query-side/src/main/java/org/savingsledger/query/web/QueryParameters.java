package org.savingsledger.query.web;

import org.savingsledger.query.reading.CouncilTime;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.LedgerIds;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** Reads the query parameters of the contract; anything it cannot read is an {@link InvalidQuery}. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * {@code asAt}: an ISO-8601 instant, or a date meaning the end of that day in Europe/London;
     * default now.
     */
    public static Instant asAt(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return clock.instant();
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(value.trim()).plusDays(1).atStartOfDay(CouncilTime.LONDON).toInstant().minusNanos(1);
            } catch (DateTimeParseException notADate) {
                throw new InvalidQuery("asAt", "must be an instant like 2018-03-12T10:15:00Z or a date like 2018-03-12, was '"
                        + value + "'");
            }
        }
    }

    /** {@code effectiveOn}: a date; default today in Europe/London. */
    public static LocalDate effectiveOn(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return LocalDate.ofInstant(clock.instant(), CouncilTime.LONDON);
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidQuery("effectiveOn", "must be a date like 2018-03-12, was '" + value + "'");
        }
    }

    static FinancialYear year(String value) {
        try {
            return FinancialYear.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidQuery("year", e.getMessage());
        }
    }

    static long globalIndex(String consistencyToken) {
        try {
            long index = Long.parseLong(consistencyToken.trim());
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidQuery("consistencyToken", "must be a token returned by a command, was '" + consistencyToken + "'");
    }

    /** An optional parameter's value, trimmed; null when it is missing or blank. */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** An id in a path: one that cannot be an id names nothing. */
    static String id(String value) {
        if (!LedgerIds.isValid(value)) {
            throw new NotFound("no such id '" + value + "'");
        }
        return value;
    }

    /** A query parameter that cannot be read. */
    public static class InvalidQuery extends RuntimeException {

        private final String parameter;

        public InvalidQuery(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /**
     * Query parameters the endpoint does not have ({@code effectiveon} for {@code effectiveOn}, a BI
     * {@code year}): answering without them would answer a question the client did not ask.
     */
    public static class UnknownParameters extends RuntimeException {

        private final List<String> names;
        private final Set<String> known;

        UnknownParameters(List<String> names, Set<String> known) {
            super("unknown query parameters " + names);
            this.names = List.copyOf(names);
            this.known = Set.copyOf(known);
        }

        public List<String> names() {
            return names;
        }

        /** The parameters the endpoint does have. */
        public Set<String> known() {
            return known;
        }

        /** What each of them is told: the parameters the endpoint does have. */
        String message() {
            return known.isEmpty() ? "is not a parameter of this endpoint, which takes none"
                    : "is not a parameter of this endpoint; its parameters are "
                    + String.join(", ", known.stream().sorted().toList());
        }
    }

    /** What the path names does not exist (as at the instant asked). */
    public static class NotFound extends RuntimeException {

        private final transient Instant firstRecordedAt;

        public NotFound(String message) {
            this(message, null);
        }

        private NotFound(String message, Instant firstRecordedAt) {
            super(message);
            this.firstRecordedAt = firstRecordedAt;
        }

        /**
         * No {@code what} named {@code id} as asked. When the ledger did record it, only after the
         * {@code asAt} asked about, the answer says when, so that it does not read like a deletion, and
         * points to {@code effectiveOn}, which asks for a past effective position as known now.
         */
        static NotFound of(String what, String id, java.util.Optional<Instant> firstRecorded) {
            return firstRecorded.map(at -> new NotFound("no " + what + " '" + id + "' as at the asAt asked: the ledger "
                            + "first recorded it at " + at + ". asAt asks what the ledger knew at an instant; for its "
                            + "position effective on a past date as known now, ask with effectiveOn instead", at))
                    .orElseGet(() -> new NotFound("no " + what + " '" + id + "'"));
        }

        /** When the ledger first recorded what was asked for, if it did (after the asAt asked about). */
        java.util.Optional<Instant> firstRecordedAt() {
            return java.util.Optional.ofNullable(firstRecordedAt);
        }
    }
}
