package org.savingsledger.query.bi;

/**
 * A column of a BI dataset. Names are snake_case and stable: renaming, removing or reordering one
 * breaks every report built on it, so docs/bi-datasets.md lists them and a test holds the two equal.
 */
public record Column(String name, Type type, String meaning) {

    /** How a value is written: CSV text as below, JSON Lines the same as JSON strings, numbers or booleans. */
    public enum Type {
        /** text, UTF-8 */
        TEXT("Edm.String"),
        /** a plain decimal in pounds with 2 places, e.g. 6804000.00 */
        MONEY("Edm.Decimal"),
        /** a whole number */
        INTEGER("Edm.Int64"),
        /** true or false */
        BOOLEAN("Edm.Boolean"),
        /** ISO date, e.g. 2018-03-12 */
        DATE("Edm.Date"),
        /** ISO-8601 instant in UTC, e.g. 2018-03-12T10:15:00Z */
        TIMESTAMP("Edm.DateTimeOffset"),
        /** a financial year, e.g. 2018/19 */
        FINANCIAL_YEAR("Edm.String"),
        /** a plain decimal with 2 places that is not money, e.g. posts as full-time equivalents, 12.50 */
        DECIMAL("Edm.Decimal");

        private final String edmType;

        Type(String edmType) {
            this.edmType = edmType;
        }

        /** The OData (CSDL) type of the column. */
        public String edmType() {
            return edmType;
        }
    }
}
