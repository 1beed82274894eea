package org.savingsledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a report; follows {@link LedgerIds#PATTERN}. */
public record ReportId(String value) {

    public ReportId {
        LedgerIds.requireValid(value);
    }

    @JsonCreator
    public static ReportId of(String value) {
        return new ReportId(value);
    }

    public static ReportId generate() {
        return new ReportId(LedgerIds.generate());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
