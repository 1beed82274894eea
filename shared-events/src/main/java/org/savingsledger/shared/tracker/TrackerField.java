package org.savingsledger.shared.tracker;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a savings tracker in the ledger's template, by the headings it gives them: what an
 * import reads and a tracker export writes, so an exported tracker imports back as it is. The four
 * yearly fields take one column per financial year, headed by the field and the year:
 * {@code Planned 2018/19} ({@link TrackerTemplate#heading}).
 */
public enum TrackerField {

    PROGRAMME("Programme", false),
    SAVING_ID("Saving id", false),
    TITLE("Title", false),
    WORKSTREAM("Workstream", false),
    OWNER("Owner", false),
    STAGE("Stage", false),
    CONFIDENCE("Confidence", false),
    RAG("RAG", false),
    RECURRENCE("Recurrence", false),
    CATEGORY("Category", false),
    DESCRIPTION("Description", false),
    PLANNED("Planned", true),
    DELIVERED("Delivered", true),
    POSTS_PLANNED("Posts planned", true),
    POSTS_DELIVERED("Posts delivered", true),
    /** Yes or No: a withdrawn saving counts 0 in planned totals and takes no further changes. */
    WITHDRAWN("Withdrawn", false);

    private final String heading;
    private final boolean yearly;

    TrackerField(String heading, boolean yearly) {
        this.heading = heading;
        this.yearly = yearly;
    }

    public String heading() {
        return heading;
    }

    public boolean yearly() {
        return yearly;
    }

    /** The field a heading (without its year) names, in any case and spacing. */
    public static Optional<TrackerField> named(String heading) {
        String wanted = normal(heading);
        for (TrackerField field : values()) {
            if (normal(field.heading).equals(wanted)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** A heading or label compared as people mean it: trimmed, spaces collapsed, lower case. */
    public static String normal(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
