package org.savingsledger.command.imports;

import org.savingsledger.shared.FinancialYear;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Amounts as a dry run's summaries show them to people: {@code £1,234.50}, {@code -£100.00}. */
final class Pounds {

    private Pounds() {
    }

    static String of(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        return (amount.signum() < 0 ? "-£" : "£") + format.format(amount.abs());
    }

    static String profile(Map<FinancialYear, BigDecimal> amounts) {
        return amounts.isEmpty() ? "nothing" : amounts.entrySet().stream().map(e -> e.getKey() + " " + of(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
