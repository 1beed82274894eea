package org.savingsledger.query.odata;

import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;
import org.savingsledger.query.bi.Column;
import org.savingsledger.query.bi.Dataset;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.Total;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A dataset row's values as OData serves them and as {@code $filter} and {@code $orderby} compare them:
 * money and posts as {@link BigDecimal}, whole numbers as {@link Long}, dates, instants (to the
 * millisecond), booleans, and everything else (texts, financial years) as text.
 */
final class RowValues {

    private RowValues() {
    }

    /** The row with every value as served; a key column's missing value is the empty string. */
    static Object[] of(Dataset dataset, Object[] row) {
        Object[] values = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            Column column = dataset.columns().get(i);
            values[i] = row[i] == null && dataset.key().contains(column.name()) ? "" : value(column.type(), row[i]);
        }
        return values;
    }

    static Entity entity(Dataset dataset, Object[] values) {
        Entity entity = new Entity();
        entity.setType(LedgerEdm.typeName(dataset).getFullQualifiedNameAsString());
        for (int i = 0; i < values.length; i++) {
            entity.addProperty(new Property(null, dataset.columns().get(i).name(), ValueType.PRIMITIVE, values[i]));
        }
        return entity;
    }

    private static Object value(Column.Type type, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Money money) {
            return money.amount();
        }
        if (value instanceof Total total) {
            return total.amount();
        }
        if (value instanceof Fte posts) {
            return posts.value();
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal || value instanceof Boolean || value instanceof LocalDate) {
            return value;
        }
        if (value instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.MILLIS);
        }
        if (type == Column.Type.TIMESTAMP) {
            return Instant.parse(value.toString()).truncatedTo(ChronoUnit.MILLIS);
        }
        return type == Column.Type.DATE ? LocalDate.parse(value.toString()) : value.toString();
    }

    static int index(Dataset dataset, String name) {
        for (int i = 0; i < dataset.columns().size(); i++) {
            if (dataset.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
