package org.savingsledger.shared;

/** Where a saving is in its life. A saving is proposed at any stage but {@link #DELIVERED}. */
public enum Stage {
    CONCEPT,
    BUSINESS_CASE,
    IN_DELIVERY,
    DELIVERED
}
