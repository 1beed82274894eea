package org.savingsledger.command.ui;

import org.savingsledger.command.web.FieldProblem;
import org.savingsledger.shared.FinancialYear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form as the page shows it: what was typed (kept when it is refused), the programme's years for its year
 * fields, and its problems, each on its field and in the summary above the form in the form's order, or the
 * command's refusal in words.
 *
 * @param action where it posts; {@code back} the page it came from
 */
record FormView(Form form, String caption, String action, String back, Map<String, String> values,
                List<FinancialYear> years, Map<String, String> errors, String refusal) {

    /** One line of the error summary: the field it links to and what is wrong. */
    record Problem(String field, String message) {
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public String profileField(FinancialYear year) {
        return FormBody.profileField(year);
    }

    public boolean hasProblems() {
        return !errors.isEmpty() || refusal != null;
    }

    /** The summary's lines, in the order of the fields. */
    public List<Problem> summary() {
        List<Problem> lines = new ArrayList<>();
        errors.forEach((field, message) -> lines.add(new Problem(field, message)));
        return lines;
    }

    /** The API's field problems on the form's inputs, in the form's order; a problem no input names goes to the first. */
    static Map<String, String> errors(Form form, List<FieldProblem> problems) {
        Map<String, String> byInput = new LinkedHashMap<>();
        for (FieldProblem problem : problems) {
            String input = input(problem.field());
            Form.Field field = form.field(input.startsWith("profile-") ? "profile" : input);
            String label = field == null ? "The form" : label(field, input);
            String where = field == null ? form.fields().get(0).name() : input;
            byInput.merge(where, label + " " + words(problem.message()), (a, b) -> a + "; " + b);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Form.Field field : form.fields()) {
            byInput.entrySet().stream().filter(entry -> entry.getKey().equals(field.name())
                            || entry.getKey().startsWith(field.name() + "-"))
                    .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        }
        byInput.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** {@code profile.2018/19} is the input {@code profile-2018}; every other field is its own input. */
    private static String input(String field) {
        if (field.startsWith("profile.")) {
            try {
                return FormBody.profileField(FinancialYear.parse(field.substring("profile.".length())));
            } catch (RuntimeException e) {
                return "profile";
            }
        }
        return field;
    }

    private static String label(Form.Field field, String input) {
        String label = field.label().replace(" (optional)", "").replace(" (£)", "");
        return input.startsWith("profile-") ? "Planned savings in " + FinancialYear.of(
                Integer.parseInt(input.substring("profile-".length()))) : label;
    }

    /** The API's words, for a person at a form rather than a program writing JSON. */
    private static String words(String message) {
        return message.replace("must not be null", "is required").replace("must not be blank", "is required")
                .replace("a JSON number", "a number").replace("a JSON object", "given");
    }
}
