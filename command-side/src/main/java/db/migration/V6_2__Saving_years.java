package db.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.savingsledger.command.infrastructure.SavingYearChange;
import org.savingsledger.events.EventJson;
import org.savingsledger.events.saving.SavingEvent;
import org.savingsledger.shared.FinancialYear;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fills the ledger directory's money per saving and year ({@code V6_1__saving_years.sql}) from the events already
 * stored, with the same fold as the live directory ({@link SavingYearChange}). Afterwards the directory keeps it
 * itself, in the transaction of each event. Events are streamed a saving at a time through a cursor, as in
 * {@link V5__Ledger_totals}; saving events are all revision 1 and have no upcaster.
 */
public class V6_2__Saving_years extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V6_2__Saving_years.class);

    @Override
    public void migrate(Context context) throws SQLException, IOException {
        backfill(context.getConnection());
    }

    /** Sets every saving's money per year to the fold of the stored events. Call it with auto-commit off. */
    public static void backfill(Connection connection) throws SQLException, IOException {
        ObjectMapper json = EventJson.objectMapper();
        Map<String, Class<? extends SavingEvent>> types = SavingYearChange.EVENTS.stream()
                .collect(Collectors.toMap(Class::getName, Function.identity()));
        try (Statement reset = connection.createStatement()) {
            reset.executeUpdate("delete from ledger_saving_years");
        }
        long events = 0;
        try (PreparedStatement scan = connection.prepareStatement("select aggregate_identifier, payload_type, "
                + "payload_revision, payload from domain_event_entry where payload_type in ("
                + String.join(", ", Collections.nCopies(types.size(), "?"))
                + ") order by aggregate_identifier, sequence_number");
             PreparedStatement insert = connection.prepareStatement("insert into ledger_saving_years "
                     + "(saving_id, programme_id, year, planned, delivered) values (?, ?, ?, ?, ?)")) {
            scan.setFetchSize(V5__Ledger_totals.FETCH_SIZE);
            int parameter = 1;
            for (String type : types.keySet()) {
                scan.setString(parameter++, type);
            }
            String savingId = null;
            String programmeId = null;
            TreeMap<FinancialYear, Total[]> years = new TreeMap<>();
            try (ResultSet rows = scan.executeQuery()) {
                while (rows.next()) {
                    String stream = rows.getString(1);
                    if (!stream.equals(savingId)) {
                        write(insert, savingId, programmeId, years);
                        savingId = stream;
                        years.clear();
                    }
                    if (!"1".equals(rows.getString(3))) {
                        throw new IllegalStateException("event " + rows.getString(2) + " of saving " + stream
                                + " is of revision " + rows.getString(3) + "; this upgrade reads revision 1");
                    }
                    SavingEvent event = json.readValue(rows.getBytes(4), types.get(rows.getString(2)));
                    programmeId = event.programmeId().value();
                    for (SavingYearChange change : SavingYearChange.of(event)) {
                        Total[] sums = years.computeIfAbsent(change.year(), year -> new Total[] {Total.ZERO, Total.ZERO});
                        sums[0] = sums[0].plus(change.planned());
                        sums[1] = sums[1].plus(change.delivered());
                    }
                    events++;
                }
            }
            write(insert, savingId, programmeId, years);
            insert.executeBatch();
        }
        log.info("Ledger directory money per saving and year: folded from {} events", events);
    }

    private static void write(PreparedStatement insert, String savingId, String programmeId,
                              TreeMap<FinancialYear, Total[]> years) throws SQLException {
        if (savingId == null) {
            return;
        }
        for (Map.Entry<FinancialYear, Total[]> year : years.entrySet()) {
            insert.setString(1, savingId);
            insert.setString(2, programmeId);
            insert.setInt(3, year.getKey().startYear());
            insert.setBigDecimal(4, year.getValue()[0].amount());
            insert.setBigDecimal(5, year.getValue()[1].amount());
            insert.addBatch();
        }
        insert.executeBatch();
    }
}
