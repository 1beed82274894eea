package org.savingsledger.query.odata;

import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.OrderByOption;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.savingsledger.query.bi.Dataset;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The order of {@code $orderby}: its properties, each ascending or descending, nulls first when
 * ascending (OData 4.0 §11.2.5.2), then the entity's key, so that equal rows keep one order from page
 * to page.
 */
final class RowOrder {

    private RowOrder() {
    }

    static Comparator<Object[]> of(OrderByOption orderBy, Dataset dataset) throws Refusal {
        Comparator<Object[]> order = (a, b) -> 0;
        for (OrderByItem item : orderBy.getOrders()) {
            int column = column(item, dataset);
            Comparator<Object[]> by = (a, b) -> compareNullsFirst(a[column], b[column]);
            order = order.thenComparing(item.isDescending() ? by.reversed() : by);
        }
        for (String key : dataset.key()) {
            int column = RowValues.index(dataset, key);
            order = order.thenComparing((a, b) -> compareNullsFirst(a[column], b[column]));
        }
        return order;
    }

    private static int column(OrderByItem item, Dataset dataset) throws Refusal {
        if (item.getExpression() instanceof Member member) {
            List<UriResource> parts = member.getResourcePath().getUriResourceParts();
            if (parts.size() == 1 && parts.get(0) instanceof UriResourcePrimitiveProperty property) {
                return RowValues.index(dataset, property.getProperty().getName());
            }
        }
        throw Refusal.notImplemented("$orderby", "only the entity's own properties can be sorted on, not expressions");
    }

    private static int compareNullsFirst(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        try {
            return compareValues(a, b);
        } catch (Refusal impossible) {
            // one column holds one type of value
            throw new IllegalStateException(impossible);
        }
    }

    /** Two values of one kind ({@link RowValues}); values of different kinds cannot be compared. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) throws Refusal {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y);
        }
        if (a instanceof Long x && b instanceof BigDecimal y) {
            return BigDecimal.valueOf(x).compareTo(y);
        }
        if (a instanceof BigDecimal x && b instanceof Long y) {
            return x.compareTo(BigDecimal.valueOf(y));
        }
        if (a instanceof Instant x && b instanceof LocalDate y) {
            return x.compareTo(y.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        }
        if (a instanceof LocalDate x && b instanceof Instant y) {
            return x.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().compareTo(y);
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable) {
            return ((Comparable) a).compareTo(b);
        }
        throw Refusal.notImplemented("$filter", "comparing " + a.getClass().getSimpleName() + " with "
                + b.getClass().getSimpleName() + " is not implemented");
    }
}
