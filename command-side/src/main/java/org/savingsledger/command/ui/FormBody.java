package org.savingsledger.command.ui;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.savingsledger.shared.FinancialYear;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A form's typed text as the JSON body a client of the API would send for it: a blank field is left out, an
 * amount that reads as a number is a number (anything else stays text, which the API refuses as it would from any
 * client), a profile is an object of years to amounts. Nothing here decides what is valid: the API's binding does.
 */
final class FormBody {

    /** A JSON number, as the API's amounts must be written. */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private FormBody() {
    }

    /** The input name of a profile's year: {@code profile-2018} for 2018/19. */
    static String profileField(FinancialYear year) {
        return "profile-" + year.startYear();
    }

    static ObjectNode of(Form form, Map<String, String> typed, List<FinancialYear> years) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (Form.Field field : form.fields()) {
            if (field.input() == Form.Input.PROFILE) {
                ObjectNode profile = body.putObject(field.name());
                for (FinancialYear year : years) {
                    String amount = typed.get(profileField(year));
                    if (amount != null && !amount.isBlank()) {
                        putValue(profile, year.toString(), amount.strip(), true);
                    }
                }
                continue;
            }
            String value = typed.get(field.name());
            if (value != null && !value.isBlank()) {
                putValue(body, field.name(), field.input() == Form.Input.TEXTAREA ? value : value.strip(), field.isNumber());
            }
        }
        return body;
    }

    private static void putValue(ObjectNode node, String name, String value, boolean number) {
        if (number && NUMBER.matcher(value).matches()) {
            // as a JSON parser reads it: 1250 a whole number, 1250.50 a decimal one
            boolean whole = value.indexOf('.') < 0 && value.indexOf('e') < 0 && value.indexOf('E') < 0;
            if (whole) {
                node.put(name, new BigInteger(value));
            } else {
                node.put(name, new BigDecimal(value));
            }
        } else {
            node.put(name, value);
        }
    }
}
