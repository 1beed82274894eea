package org.savingsledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a committee; follows {@link LedgerIds#PATTERN}. */
public record CommitteeId(String value) {

    public CommitteeId {
        LedgerIds.requireValid(value);
    }

    @JsonCreator
    public static CommitteeId of(String value) {
        return new CommitteeId(value);
    }

    public static CommitteeId generate() {
        return new CommitteeId(LedgerIds.generate());
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
