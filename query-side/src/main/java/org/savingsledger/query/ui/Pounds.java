package org.savingsledger.query.ui;

import org.savingsledger.shared.Total;
import org.springframework.stereotype.Component;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Money as the pages show it: pounds with thousands separated and pence, a minus sign before the pound sign. */
@Component("pounds")
public class Pounds {

    public String format(Total total) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        String amount = format.format(total.amount().abs());
        return (total.isNegative() ? "−£" : "£") + amount;
    }
}
