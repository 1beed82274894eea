package org.savingsledger.web.apidocs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.AnnotationsUtils;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Notes, on the schema of each record, which of its fields Jackson always writes: every component, as the
 * ledger writes null fields rather than leaving them out ({@code spring.jackson.default-property-inclusion:
 * always}), but those a {@link JsonInclude} leaves out when null or empty. Whether the record is an answer
 * (then those fields are {@code required}) or a request body (whose fields are optional unless validated as
 * required) is known only once every path is described: {@link ResponseFields} decides, and removes the note.
 * A component marked {@code @Schema(nullable = true)} is written as null at times: its type says so
 * ({@code ["string", "null"]}).
 */
final class AlwaysWrittenFields implements ModelConverter {

    static final String EXTENSION = "x-always-written";

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        JavaType javaType = Json.mapper().constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (schema == null || !raw.isRecord() || omitted(raw.getAnnotation(JsonInclude.class))) {
            return schema;
        }
        Schema<?> model = schema;
        if (schema.get$ref() != null) {
            model = context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        if (model == null || model.getProperties() == null) {
            return schema;
        }
        List<String> written = new ArrayList<>();
        addWritten(raw, model, written);
        model.addExtension(EXTENSION, written);
        return schema;
    }

    /** Adds the components of {@code raw} always written, and nullable ones' types, to {@code model}; also those of
     * records written in its place ({@link JsonUnwrapped}). */
    @SuppressWarnings("unchecked")
    private static void addWritten(Class<?> raw, Schema<?> model, List<String> written) {
        for (RecordComponent component : raw.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class) && component.getType().isRecord()) {
                addWritten(component.getType(), model, written);
                continue;
            }
            if (model.getProperties().containsKey(component.getName())
                    && !omitted(component.getAccessor().getAnnotation(JsonInclude.class))
                    && !omitted(field(raw, component.getName()))) {
                written.add(component.getName());
            }
            if (nullable(raw, component)) {
                Schema<?> property = AnnotationsUtils.clone(model.getProperties().get(component.getName()), true);
                if (property != null && property.get$ref() != null) {
                    model.getProperties().put(component.getName(), new Schema<>(SpecVersion.V31)
                            .anyOf(List.of(new Schema<>(SpecVersion.V31).$ref(property.get$ref()),
                                    new Schema<>(SpecVersion.V31).types(Set.of("null")))));
                } else if (property != null) {
                    Set<String> types = new LinkedHashSet<>(property.getTypes() != null ? property.getTypes()
                            : property.getType() != null ? Set.of(property.getType()) : Set.of());
                    types.add("null");
                    property.setTypes(types);
                    if (property.getEnum() != null && !property.getEnum().contains(null)) {
                        // an enum holds a value or fails, whatever the type says: null must be one of its values
                        ((List<Object>) property.getEnum()).add(null);
                    }
                    property.setNullable(null);
                    model.getProperties().put(component.getName(), property);
                }
            }
        }
    }

    /** A component its record marks {@code @Schema(nullable = true)}: always written, but sometimes as null. */
    private static boolean nullable(Class<?> record, RecordComponent component) {
        io.swagger.v3.oas.annotations.media.Schema marked = component.getAccessor()
                .getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        if (marked == null) {
            try {
                marked = record.getDeclaredField(component.getName()).getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            } catch (NoSuchFieldException e) {
                return false;
            }
        }
        return marked != null && marked.nullable();
    }

    private static JsonInclude field(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name).getAnnotation(JsonInclude.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static boolean omitted(JsonInclude include) {
        return include != null && include.value() != JsonInclude.Include.ALWAYS
                && include.value() != JsonInclude.Include.USE_DEFAULTS;
    }
}
