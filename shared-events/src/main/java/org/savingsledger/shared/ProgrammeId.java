package org.savingsledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a programme; follows {@link LedgerIds#PATTERN}. */
public record ProgrammeId(String value) {

    public ProgrammeId {
        LedgerIds.requireValid(value);
    }

    @JsonCreator
    public static ProgrammeId of(String value) {
        return new ProgrammeId(value);
    }

    public static ProgrammeId generate() {
        return new ProgrammeId(LedgerIds.generate());
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
