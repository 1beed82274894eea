package org.savingsledger.query.odata;

import org.savingsledger.query.bi.Extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the rows of a {@link SetQuery} from the dataset's row stream, keeping only what the answer needs.
 * In the dataset's own order a page holds its own rows and stops the stream one row after them (with
 * {@code $count} it reads on to the end, counting, not holding). {@code $orderby} needs the whole filtered
 * set: it is held and sorted, up to the sort limit, beyond which the request is refused.
 */
final class SetScan {

    /**
     * One page: its rows (values as {@link RowValues} gives them), whether more follow within the window, and
     * the number of rows the filter matches (-1 when not counted).
     */
    record Page(List<Object[]> rows, boolean more, long matched) {
    }

    private final SetQuery query;
    private final Extraction extraction;
    private final int sortLimit;

    SetScan(SetQuery query, Extraction extraction, int sortLimit) {
        this.query = query;
        this.extraction = extraction;
        this.sortLimit = sortLimit;
    }

    Page page(int pageSize) throws Refusal {
        long size = Math.min(pageSize, query.remaining());
        if (query.order() != null) {
            List<Object[]> all = new ArrayList<>();
            scan(row -> {
                if (all.size() >= sortLimit) {
                    throw new Stopped(Refusal.notImplemented("$orderby", "sorting more than " + sortLimit + " rows is not "
                            + "implemented: filter the set further, or sort without $orderby"));
                }
                all.add(row);
                return true;
            });
            all.sort(query.order());
            int from = (int) Math.min(query.first(), all.size());
            int to = (int) Math.min(from + size, all.size());
            return new Page(new ArrayList<>(all.subList(from, to)), to < all.size() && size < query.remaining(),
                    query.count() ? all.size() : -1);
        }
        List<Object[]> rows = new ArrayList<>();
        long[] seen = {0};
        boolean[] more = {false};
        scan(row -> {
            if (seen[0]++ < query.first()) {
                return true;
            }
            if (rows.size() < size) {
                rows.add(row);
                return true;
            }
            more[0] = true;
            return query.count();
        });
        return new Page(rows, more[0] && size < query.remaining(), query.count() ? seen[0] : -1);
    }

    long count() throws Refusal {
        long[] seen = {0};
        scan(row -> {
            seen[0]++;
            return true;
        });
        return seen[0];
    }

    /** The first row (of the filtered set) that {@code wanted} accepts. */
    Object[] find(Predicate<Object[]> wanted) throws Refusal {
        Object[][] found = {null};
        scan(row -> {
            if (wanted.test(row)) {
                found[0] = row;
                return false;
            }
            return true;
        });
        return found[0];
    }

    /** What to do with each matching row: true to go on, false to stop reading. */
    private interface Visitor {
        boolean visit(Object[] row);
    }

    private void scan(Visitor visitor) throws Refusal {
        try {
            query.dataset().write(extraction, query.extract(), values -> {
                Object[] row = RowValues.of(query.dataset(), values);
                boolean matches;
                try {
                    matches = query.filter().test(query.dataset(), row);
                } catch (Refusal refusal) {
                    throw new Stopped(refusal);
                }
                if (matches && !visitor.visit(row)) {
                    throw new Stopped(null);
                }
            });
        } catch (Stopped stopped) {
            if (stopped.refusal != null) {
                throw stopped.refusal;
            }
        }
    }

    /** Ends the row stream early: enough rows read, or a refusal found on the way. */
    private static final class Stopped extends RuntimeException {

        private final transient Refusal refusal;

        Stopped(Refusal refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }
}
