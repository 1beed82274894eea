package org.savingsledger.query.ui;

import org.springframework.stereotype.Component;

import java.util.Locale;

/** A status as the pages word it: IN_DELIVERY as "In delivery", none as "Not set" (never a colour alone). */
@Component("labels")
public class Labels {

    public String of(String value) {
        if (value == null || value.isBlank() || "NOT_SET".equals(value)) {
            return "Not set";
        }
        String words = value.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The GOV.UK tag's colour of a RAG status, beside its word. */
    public String ragTag(String rag) {
        if (rag == null) {
            return "govuk-tag govuk-tag--grey";
        }
        switch (rag) {
            case "RED":
                return "govuk-tag govuk-tag--red";
            case "AMBER":
                return "govuk-tag govuk-tag--yellow";
            case "GREEN":
                return "govuk-tag govuk-tag--green";
            default:
                return "govuk-tag govuk-tag--grey";
        }
    }
}
