package org.savingsledger.command.ui;

import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.web.PageCommands;
import org.savingsledger.web.pages.Done;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One form of the web interface: the command it sends, to what kind of thing, and its fields, each named as the
 * API's request field it fills, so the API's problems land on the field that caused them.
 *
 * @param slug the last part of its path, {@code /ui/edit/{kind}/{id}/{slug}}, as in the API's path
 */
record Form(String slug, LedgerKind target, PageCommands.Kind command, String title, String button,
            List<Field> fields, Done done) {

    /** How a field is typed, and so how its text goes into the request. */
    enum Input {
        /** Text as typed. */
        TEXT,
        /** Longer text. */
        TEXTAREA,
        /** A date written yyyy-MM-dd. */
        DATE,
        /** An amount in pounds: a number, as a JSON client would send it. */
        MONEY,
        /** One of the programme's financial years. */
        YEAR,
        /** One of a few choices. */
        RADIOS,
        /** A money amount for each of the programme's years ({@code profile}). */
        PROFILE,
        /** A whole number the page carries (the version the user saw). */
        HIDDEN
    }

    record Option(String value, String label) {
    }

    record Field(String name, String label, String hint, Input input, List<Option> options) {

        boolean isNumber() {
            return input == Input.MONEY || input == Input.HIDDEN;
        }
    }

    Field field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst().orElse(null);
    }

    static Field text(String name, String label, String hint) {
        return new Field(name, label, hint, Input.TEXT, List.of());
    }

    static Field of(String name, String label, String hint, Input input) {
        return new Field(name, label, hint, input, List.of());
    }

    /** A choice of {@code values}, each labelled as the pages word it ("In delivery"). */
    static <E extends Enum<E>> Field choice(String name, String label, List<E> values) {
        return new Field(name, label, null, Input.RADIOS, values.stream().map(value -> new Option(value.name(),
                words(value.name()))).toList());
    }

    static <E extends Enum<E>> List<E> all(Class<E> type) {
        return Arrays.asList(type.getEnumConstants());
    }

    private static String words(String name) {
        String spaced = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
