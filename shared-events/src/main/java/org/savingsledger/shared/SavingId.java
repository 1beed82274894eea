package org.savingsledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a saving; follows {@link LedgerIds#PATTERN}. */
public record SavingId(String value) {

    public SavingId {
        LedgerIds.requireValid(value);
    }

    @JsonCreator
    public static SavingId of(String value) {
        return new SavingId(value);
    }

    public static SavingId generate() {
        return new SavingId(LedgerIds.generate());
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
