package org.savingsledger.shared;

/**
 * A programme's money — budget approved or pending, cost drawn down — is kept per funding source: the free text an
 * approval names (e.g. "Transformation reserve"). Money recorded without one, and every figure recorded before
 * sources were named, falls under {@link #NOT_SET}.
 */
public final class FundingSource {

    /** The key of money with no funding source named. */
    public static final String NOT_SET = "NOT_SET";

    private FundingSource() {
    }

    /** The key {@code source} is kept under: itself, or {@link #NOT_SET} when none was named. */
    public static String key(String source) {
        return source == null ? NOT_SET : source;
    }
}
