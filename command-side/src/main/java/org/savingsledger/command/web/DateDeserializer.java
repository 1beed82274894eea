package org.savingsledger.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Every date of a command body ({@code effectiveDate}, a report's {@code meetingDate}): a calendar
 * date written {@code yyyy-MM-dd} and nothing else, between {@link #EARLIEST} and {@link #LATEST}.
 * Jackson's own reading is lenient where a ledger must not be: it drops a time
 * ({@code 2018-03-12T10:00} became 12 March, whatever the zone meant), takes a number as days since
 * 1970 and an array as year, month, day, and accepts year 0001 or +12018. Such a date would silently
 * move a change in or out of every effective-on query, so it is refused naming the field.
 */
final class DateDeserializer extends StdScalarDeserializer<LocalDate> {

    /** The councils' records this ledger holds start long after 1900; a date before is a typing error. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The last financial year the ledger knows (2099/00) ends in March 2100; a later date is a typing error. */
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    DateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            // a number or an array: answered "must be a date written yyyy-MM-dd"
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        }
        String text = parser.getText();
        if (text.length() > 10 && DATE.matcher(text.substring(0, 10)).matches()) {
            throw new IllegalArgumentException("must be a date written yyyy-MM-dd, without a time, was '" + text + "'");
        }
        LocalDate date;
        try {
            date = DATE.matcher(text).matches() ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException notADay) {
            date = null;
        }
        if (date == null) {
            throw new IllegalArgumentException("must be a date written yyyy-MM-dd, was '" + text + "'");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new IllegalArgumentException("must be between " + EARLIEST + " and " + LATEST + ", was " + date);
        }
        return date;
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.DateTime;
    }
}
