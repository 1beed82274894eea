package org.savingsledger.command.imports;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The unit a tracker's amounts are written in. Committee papers give £'000 or £m while the ledger
 * keeps pounds, so every amount is scaled exactly by a power of ten, never through floating point.
 */
public enum Units {

    POUNDS("£", 0),
    THOUSANDS("£'000", 3),
    MILLIONS("£m", 6);

    private final String label;
    private final int powerOfTen;

    Units(String label, int powerOfTen) {
        this.label = label;
        this.powerOfTen = powerOfTen;
    }

    /** How the template and the reports write the unit: {@code £}, {@code £'000} or {@code £m}. */
    public String label() {
        return label;
    }

    /** The amount in pounds of {@code figure} written in this unit. */
    public BigDecimal toPounds(BigDecimal figure) {
        return figure.movePointRight(powerOfTen);
    }

    /** The amount written in this unit of {@code pounds}, as a tracker shows it. */
    public BigDecimal fromPounds(BigDecimal pounds) {
        return pounds.movePointLeft(powerOfTen).stripTrailingZeros();
    }

    /**
     * Reads a declaration as finance teams write it: {@code £}, {@code GBP}, {@code pounds};
     * {@code £'000}, {@code £000}, {@code £k}, {@code £ thousands}; {@code £m}, {@code £ millions}.
     */
    public static Optional<Units> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.toLowerCase(Locale.ROOT).replaceAll("[\\s’‘`'\"()]", "")
                .replace("gbp", "£").replace("pounds", "£").replace("sterling", "");
        return switch (compact) {
            case "£", "£s" -> Optional.of(POUNDS);
            case "£000", "£000s", "£k", "£thousands", "£thousand", "000", "£000's" -> Optional.of(THOUSANDS);
            case "£m", "£ms", "£millions", "£million", "£mn" -> Optional.of(MILLIONS);
            default -> Optional.empty();
        };
    }
}
