package org.savingsledger.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.util.Set;

/**
 * Every text field of a command body, read as Jackson reads strings and then refused when it holds
 * what no title, name, reason or reference should: control characters (C0, DEL, C1: a NUL cuts the
 * text short in many tools, others corrupt CSV and terminals) and unpaired surrogates (not Unicode
 * at all; they cannot be written back as UTF-8). Only the free-text fields {@link #FREE_TEXT} may
 * carry tab and line breaks, as a paragraph pasted from a report does (a saving's title may run to
 * two lines; the BI feeds quote them). Names, organisations, owners, workstreams, references and ids
 * are one line. Being the HTTP mapper's deserializer for {@code String}, it covers every field of
 * every command at once, new ones included.
 */
final class TextDeserializer extends StdDeserializer<String> implements ContextualDeserializer {

    /** The free texts of a body, where pasted text keeps its tabs and line breaks. */
    static final Set<String> FREE_TEXT = Set.of("reason", "description", "title");

    private final boolean freeText;

    TextDeserializer() {
        this(false);
    }

    private TextDeserializer(boolean freeText) {
        super(String.class);
        this.freeText = freeText;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        boolean free = property != null && FREE_TEXT.contains(property.getName());
        return free == freeText ? this : new TextDeserializer(free);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        String problem = text == null ? null : problem(text, freeText);
        if (problem != null) {
            // Jackson puts the field's name on it; JsonInputProblems reports the message as written
            throw new IllegalArgumentException(problem);
        }
        return text;
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    /** Why {@code text} is refused, or null when it is acceptable. */
    static String problem(String text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text: an unpaired surrogate " + codePoint(c) + " at character " + (i + 1);
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                if (freeText && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                return (freeText ? "must not contain control characters other than tab and line breaks"
                        : "must not contain control characters (tab and line breaks included)")
                        + ": " + codePoint(c) + " at character " + (i + 1);
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
