package org.savingsledger.ops.bench;

import java.util.ArrayList;
import java.util.List;

import static org.savingsledger.ops.bench.Sizing.events;
import static org.savingsledger.ops.bench.Sizing.mib;
import static org.savingsledger.ops.bench.Sizing.perMillion;

/**
 * The sizing figures of the event store's PostgreSQL: the event and snapshot tables, the schema's
 * other tables together, and the whole database, each per 10⁶ events stored.
 */
record PostgresSizes(LedgerUnderTest ledger) {

    /** One table's sizes: everything (table, TOAST, indexes), the table's main fork, its indexes. */
    record TableSize(long total, long table, long indexes) {

        TableSize plus(TableSize other) {
            return new TableSize(total + other.total, table + other.table, indexes + other.indexes);
        }

        /** What is neither the main fork nor an index: TOAST (large payloads) and the free-space and visibility maps. */
        long toast() {
            return total - table - indexes;
        }
    }

    /** The events in domain_event_entry now: what every "per 10⁶ events" divides by. */
    long storedEvents() {
        return ledger.query("select count(*) from domain_event_entry", rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    void run(long events) {
        List<String> others = new ArrayList<>();
        TableSize[] sizes = {new TableSize(0, 0, 0), new TableSize(0, 0, 0), new TableSize(0, 0, 0)};
        ledger.query("select c.relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid), pg_indexes_size(c.oid)"
                + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where c.relkind in ('r', 'p') and n.nspname = current_schema()", rows -> {
            while (rows.next()) {
                String name = rows.getString(1);
                TableSize size = new TableSize(rows.getLong(2), rows.getLong(3), rows.getLong(4));
                switch (name) {
                    case "domain_event_entry" -> sizes[0] = size;
                    case "snapshot_event_entry" -> sizes[1] = size;
                    default -> {
                        if (!name.startsWith("jv_") && !name.startsWith("bench_")) {
                            sizes[2] = sizes[2].plus(size);
                            others.add(name);
                        }
                    }
                }
            }
            return null;
        });
        ledger.log("sizing: the schema's other tables are " + others);
        tableFigure("PostgreSQL domain_event_entry per 10⁶ events (table + TOAST + indexes)", sizes[0], events);
        tableFigure("PostgreSQL snapshot_event_entry per 10⁶ events (table + TOAST + indexes)", sizes[1], events);
        tableFigure("PostgreSQL the ledger's other tables per 10⁶ events (directory, idempotency keys, migrations)", sizes[2], events);
        long database = ledger.query("select pg_database_size(current_database())", rows -> {
            rows.next();
            return rows.getLong(1);
        });
        ledger.report().add(Sizing.SIZING, "PostgreSQL whole database per 10⁶ events (pg_database_size)",
                mib(perMillion(database, events)) + "; " + mib(database) + " for " + events(events));
    }

    private void tableFigure(String name, TableSize size, long events) {
        ledger.report().add(Sizing.SIZING, name, mib(perMillion(size.total(), events)) + " (table " + mib(perMillion(size.table(), events))
                + ", TOAST " + mib(perMillion(size.toast(), events)) + ", indexes " + mib(perMillion(size.indexes(), events))
                + "); " + mib(size.total()) + " for " + events(events));
    }
}
