package org.savingsledger.web.pages;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a form has just done, for the banner of the page it leads to: the form's redirect names it
 * ({@code ?done=delivery-recorded}) and the page shows its words, so no text of the URL reaches the page.
 */
public enum Done {
    SAVING_PROPOSED("saving-proposed", "Saving proposed"),
    DELIVERY_RECORDED("delivery-recorded", "Delivery recorded"),
    SAVING_SLIPPED("saving-slipped", "Saving slipped"),
    SAVING_BROUGHT_FORWARD("saving-brought-forward", "Saving brought forward"),
    STAGE_CHANGED("stage-changed", "Stage changed"),
    CONFIDENCE_CHANGED("confidence-changed", "Confidence changed"),
    RAG_CHANGED("rag-changed", "RAG status changed"),
    REPORT_PRESENTED("report-presented", "Report presented"),
    TRACKER_IMPORTED("tracker-imported", "Tracker imported"),
    DELIVERY_CORRECTED("delivery-corrected", "Delivery corrected");

    public static final String PARAMETER = "done";

    private final String slug;
    private final String words;

    Done(String slug, String words) {
        this.slug = slug;
        this.words = words;
    }

    public String slug() {
        return slug;
    }

    public String words() {
        return words;
    }

    static Optional<Done> of(String slug) {
        return Arrays.stream(values()).filter(done -> done.slug.equals(slug)).findFirst();
    }
}
