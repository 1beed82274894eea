package org.savingsledger.query.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.savingsledger.shared.Total;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * A chart of money by financial year as a page embeds it (JSON in a data attribute, drawn by
 * {@code /assets/js/charts.js}): its categories (the years) and its named series. Amounts are the exact pounds and
 * pence as decimals; the chart only draws them, and the table below it states them.
 */
record Chart(List<String> categories, List<Series> series) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a series is drawn: bars for money of a year, a line for money up to a year or a reference level. */
    enum Kind { BAR, LINE, REFERENCE }

    /** A named series, one amount per category. */
    record Series(String name, Kind kind, List<BigDecimal> data) {

        static Series of(String name, Kind kind, List<Total> amounts) {
            return new Series(name, kind, amounts.stream().map(Total::amount).toList());
        }
    }

    /** The chart as the page's data attribute holds it. */
    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
