package org.savingsledger.command.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.SavingsProfile;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a body Jackson could not read into the field a user must fix and a message they can act
 * on. Jackson's own messages name Java classes and mapper features, so they are replaced; our value
 * types' messages ({@code Money}, {@code FinancialYear}, ids) are written for users and kept.
 */
final class JsonInputProblems {

    private JsonInputProblems() {
    }

    static FieldProblem of(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getCause();
        if (cause instanceof InvalidFormatException key && isMapKey(key)) {
            return mapKey(key);
        }
        if (cause instanceof JsonMappingException mapping) {
            String field = path(mapping);
            return new FieldProblem(field.isEmpty() ? FieldProblem.BODY : field, message(mapping));
        }
        if (cause instanceof JsonEOFException) {
            return new FieldProblem(FieldProblem.BODY, "is incomplete JSON");
        }
        if (cause instanceof JsonParseException parse) {
            return malformed(parse);
        }
        if (cause == null && exception.getMessage() != null && exception.getMessage().startsWith("Required request body is missing")) {
            return new FieldProblem(FieldProblem.BODY, "is required: send a JSON object");
        }
        return new FieldProblem(FieldProblem.BODY, "is not readable as JSON");
    }

    /** Where in the body: {@code amount}, {@code profile.2018/19}, {@code programmeIds[1]}. */
    private static String path(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String message(JsonMappingException exception) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            return "is not a field of this request" + (known == null || known.isEmpty() ? ""
                    : "; the fields are " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        String valueTypeMessage = valueTypeMessage(exception);
        if (valueTypeMessage != null) {
            return valueTypeMessage;
        }
        if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String expected = expected(mismatch.getTargetType());
            if (mismatch instanceof InvalidFormatException format && format.getValue() != null) {
                return expected + ", was '" + format.getValue() + "'";
            }
            return expected;
        }
        return "is not valid";
    }

    /**
     * The message of the value type that refused the input, e.g. {@code Money}'s "must have at most
     * 2 decimal places, was 100.005". Those types throw IllegalArgumentException (or
     * NullPointerException for a missing part) and Jackson wraps it.
     */
    private static String valueTypeMessage(Throwable exception) {
        for (Throwable t = exception.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if ((t instanceof IllegalArgumentException || t instanceof NullPointerException)
                    && t.getMessage() != null && !(t instanceof JsonMappingException)) {
                return t.getMessage();
            }
        }
        return null;
    }

    private static String expected(Class<?> type) {
        if (type == Money.class || type == BigDecimal.class) {
            return "must be a JSON number with at most 2 decimal places";
        }
        if (type == FinancialYear.class) {
            return "must be a financial year written like 2018/19";
        }
        if (type == LocalDate.class) {
            return "must be a date written yyyy-MM-dd";
        }
        if (type == Instant.class) {
            return "must be an instant written like 2018-03-12T10:15:00Z";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
            return "must be a whole number";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == SavingsProfile.class || Map.class.isAssignableFrom(type)) {
            return "must be an object of financial years to amounts, like {\"2018/19\": 6804000}";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (type.isRecord()) {
            return "must be a JSON object";
        }
        return "is not valid";
    }

    /**
     * Jackson reports a map key it cannot read (a profile year such as {@code "2018/20"}) without
     * the key in its path; the key is the value it refused, and our type's reason is quoted in its
     * message as "not a valid representation, problem: (exception class) reason".
     */
    private static boolean isMapKey(InvalidFormatException exception) {
        return exception.getOriginalMessage() != null && exception.getOriginalMessage().startsWith("Cannot deserialize Map key");
    }

    private static FieldProblem mapKey(InvalidFormatException exception) {
        String path = path(exception);
        String field = (path.isEmpty() ? "" : path + ".") + exception.getValue();
        String original = exception.getOriginalMessage();
        int problem = original.indexOf(KEY_PROBLEM);
        int reason = problem < 0 ? -1 : original.indexOf(") ", problem);
        String message = reason < 0 ? "" : original.substring(reason + 2).strip();
        if (message.isEmpty() || message.equals("null") || message.contains("java.")) {
            message = expected(exception.getTargetType()) + ", was '" + exception.getValue() + "'";
        }
        return new FieldProblem(field, message);
    }

    private static final String KEY_PROBLEM = "not a valid representation, problem: (";

    private static FieldProblem malformed(JsonParseException exception) {
        String original = exception.getOriginalMessage() == null ? "" : exception.getOriginalMessage();
        // Only these two errors belong to the field being read; any other syntax error may lie between fields.
        if (original.contains("Non-standard token")) {
            // NaN and Infinity: JSON has no such numbers, and money must be exact.
            return new FieldProblem(currentField(exception), "must be a number (NaN and Infinity are not numbers)");
        }
        if (original.startsWith("Duplicate field")) {
            return new FieldProblem(currentField(exception), "appears more than once");
        }
        return new FieldProblem(FieldProblem.BODY, "is not valid JSON: " + firstLine(original));
    }

    private static String currentField(JsonParseException exception) {
        JsonParser parser = exception.getProcessor();
        if (parser != null && parser.getParsingContext() != null && parser.getParsingContext().getCurrentName() != null) {
            return parser.getParsingContext().getCurrentName();
        }
        return FieldProblem.BODY;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
