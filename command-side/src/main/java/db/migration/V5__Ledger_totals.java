package db.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.savingsledger.command.infrastructure.SavingTotals;
import org.savingsledger.events.EventJson;
import org.savingsledger.events.saving.SavingEvent;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.shared.Total;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fills the ledger directory's totals (columns of {@code V4__ledger_totals.sql}) from the events
 * already stored when the columns are added, with the same fold as the live directory
 * ({@link SavingTotals}): each saving's totals, and each programme's sums over its savings. Afterwards
 * the directory keeps them itself, in the transaction of each event. Like every migration it runs while
 * no command-side instance without these columns is appending (docs/operations.md: stop, replace, start).
 *
 * <p>The events are streamed a saving at a time, in stream order, through a cursor ({@link #FETCH_SIZE}
 * rows per round trip), so memory holds one saving and the programmes' sums however many events are
 * stored. Saving events have no upcaster, so each revision is read here as stored: revision 1 of every
 * one, and revision 2 of {@link SavingProposed}, which only adds fields the totals do not read.
 */
public class V5__Ledger_totals extends BaseJavaMigration {

    static final int FETCH_SIZE = 1000;

    private static final Logger log = LoggerFactory.getLogger(V5__Ledger_totals.class);

    private static boolean readsAsStored(String type, String revision) {
        return "1".equals(revision) || SavingProposed.class.getName().equals(type) && "2".equals(revision);
    }

    @Override
    public void migrate(Context context) throws SQLException, IOException {
        backfill(context.getConnection());
    }

    /**
     * Sets every saving's and programme's totals to the fold of the stored events. Call it with auto-commit
     * off (as Flyway does), so that the events are read through a cursor; the caller commits.
     */
    public static void backfill(Connection connection) throws SQLException, IOException {
        ObjectMapper json = EventJson.objectMapper();
        Map<String, Class<? extends SavingEvent>> types = SavingTotals.EVENTS.stream()
                .collect(Collectors.toMap(Class::getName, Function.identity()));
        Map<String, Total[]> programmes = new HashMap<>();
        long events = 0;
        long savings = 0;
        try (Statement reset = connection.createStatement()) {
            // nothing to reset on an upgrade; the same fold may also be run again over a live store
            reset.executeUpdate("update ledger_directory set planned_total = 0, delivered_total = 0, withdrawn = false "
                    + "where planned_total <> 0 or delivered_total <> 0 or withdrawn");
        }
        try (PreparedStatement scan = connection.prepareStatement("select aggregate_identifier, payload_type, "
                + "payload_revision, payload from domain_event_entry where payload_type in ("
                + String.join(", ", Collections.nCopies(types.size(), "?"))
                + ") order by aggregate_identifier, sequence_number");
             PreparedStatement saving = connection.prepareStatement("update ledger_directory "
                     + "set planned_total = ?, delivered_total = ?, withdrawn = ? where id = ? and kind = 'SAVING'")) {
            scan.setFetchSize(FETCH_SIZE);
            int parameter = 1;
            for (String type : types.keySet()) {
                scan.setString(parameter++, type);
            }
            String savingId = null;
            String programmeId = null;
            SavingTotals totals = SavingTotals.NONE;
            int batched = 0;
            try (ResultSet rows = scan.executeQuery()) {
                while (rows.next()) {
                    String stream = rows.getString(1);
                    if (!stream.equals(savingId)) {
                        if (savingId != null) {
                            batched += write(saving, savingId, programmeId, totals, programmes);
                            savings++;
                        }
                        savingId = stream;
                        totals = SavingTotals.NONE;
                    }
                    if (!readsAsStored(rows.getString(2), rows.getString(3))) {
                        throw new IllegalStateException("event " + rows.getString(2) + " of saving " + stream
                                + " is of revision " + rows.getString(3) + "; this upgrade reads revision 1"
                                + " (and revision 2 of SavingProposed)");
                    }
                    SavingEvent event = json.readValue(rows.getBytes(4), types.get(rows.getString(2)));
                    programmeId = event.programmeId().value();
                    totals = totals.after(event);
                    events++;
                    if (batched >= FETCH_SIZE) {
                        saving.executeBatch();
                        batched = 0;
                    }
                }
            }
            if (savingId != null) {
                write(saving, savingId, programmeId, totals, programmes);
                savings++;
            }
            saving.executeBatch();
        }
        try (PreparedStatement programme = connection.prepareStatement("update ledger_directory "
                + "set planned_total = ?, delivered_total = ? where id = ? and kind = 'PROGRAMME'")) {
            for (Map.Entry<String, Total[]> sums : programmes.entrySet()) {
                programme.setBigDecimal(1, sums.getValue()[0].amount());
                programme.setBigDecimal(2, sums.getValue()[1].amount());
                programme.setString(3, sums.getKey());
                programme.addBatch();
            }
            programme.executeBatch();
        }
        log.info("Ledger directory totals: {} savings of {} programmes folded from {} events", savings,
                programmes.size(), events);
    }

    /** Batches a saving's row and adds what it counts to its programme's sums; how many rows it batched. */
    private static int write(PreparedStatement saving, String savingId, String programmeId, SavingTotals totals,
                             Map<String, Total[]> programmes) throws SQLException {
        Total[] sums = programmes.computeIfAbsent(programmeId, id -> new Total[] {Total.ZERO, Total.ZERO});
        sums[0] = sums[0].plus(totals.plannedChangeFrom(SavingTotals.NONE));
        sums[1] = sums[1].plus(totals.deliveredChangeFrom(SavingTotals.NONE));
        if (totals.equals(SavingTotals.NONE)) {
            return 0;
        }
        saving.setBigDecimal(1, totals.planned().amount());
        saving.setBigDecimal(2, totals.delivered().amount());
        saving.setBoolean(3, totals.withdrawn());
        saving.setString(4, savingId);
        saving.addBatch();
        return 1;
    }
}
