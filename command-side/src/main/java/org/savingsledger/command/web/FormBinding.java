package org.savingsledger.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A form's fields read as the API reads the same fields of a JSON body: the same request record, the same
 * strict JSON mapper and value types (money to the penny, years like 2018/19, dates yyyy-MM-dd), the same Bean
 * Validation, and the same words for each problem. Unlike a JSON body, which Jackson stops reading at its first
 * bad value, each field is read on its own first, so a form shows every problem at once.
 */
final class FormBinding {

    private final ObjectMapper json;
    private final Validator validator;

    FormBinding(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The body, or every problem of its fields (named as the API names them: {@code amount}, {@code profile.2018/19}). */
    <T> Bound<T> bind(ObjectNode body, Class<T> type) {
        List<FieldProblem> problems = new ArrayList<>();
        ObjectNode readable = body.deepCopy();
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode value = body.get(component.getName());
            if (value == null || value.isNull()) {
                continue;
            }
            try {
                json.readerFor(json.constructType(component.getGenericType())).readValue(value);
            } catch (IOException e) {
                problems.add(problem(component.getName(), e));
                readable.remove(component.getName());
            } catch (IllegalArgumentException | NullPointerException e) {
                // a value type's own refusal, which Jackson wraps only inside a body: the API answers its words
                problems.add(new FieldProblem(component.getName(), e.getMessage() == null ? "is not valid" : e.getMessage()));
                readable.remove(component.getName());
            }
        }
        T bound;
        try {
            bound = json.treeToValue(readable, type);
        } catch (IOException e) {
            problems.add(problem(FieldProblem.BODY, e));
            return new Bound<>(null, problems);
        }
        List<String> unreadable = problems.stream().map(FieldProblem::field).map(FormBinding::topField).toList();
        for (ConstraintViolation<T> violation : validator.validate(bound)) {
            String field = violation.getPropertyPath().toString();
            if (!unreadable.contains(topField(field))) {
                problems.add(new FieldProblem(field, violation.getMessage()));
            }
        }
        return new Bound<>(problems.isEmpty() ? bound : null, problems);
    }

    /** A bound request, or (body null) its problems. */
    record Bound<T>(T body, List<FieldProblem> problems) {

        Optional<T> valid() {
            return Optional.ofNullable(body);
        }
    }

    private static FieldProblem problem(String field, IOException e) {
        if (!(e instanceof JsonMappingException)) {
            return new FieldProblem(field, "is not valid");
        }
        FieldProblem read = JsonInputProblems.of(new HttpMessageNotReadableException(e.getMessage(), e, null));
        String where = FieldProblem.BODY.equals(read.field()) ? field : field + "." + read.field();
        return new FieldProblem(FieldProblem.BODY.equals(field) ? read.field() : where, read.message());
    }

    private static String topField(String field) {
        int end = Arrays.stream(new int[]{field.indexOf('.'), field.indexOf('[')}).filter(i -> i >= 0).min().orElse(field.length());
        return field.substring(0, end);
    }

}
