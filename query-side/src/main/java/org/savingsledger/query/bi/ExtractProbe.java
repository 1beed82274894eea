package org.savingsledger.query.bi;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.view.LedgerViews;
import org.savingsledger.web.access.OrganisationScope;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * A measuring tool, run in a JVM of its own (usually with a capped heap): streams one BI dataset
 * as CSV from a MongoDB holding the read models into a byte counter, then prints one line
 * {@code rows=… bytes=… firstByteMs=… totalMs=… peakHeapMiB=… maxHeapMiB=…}. The million-row test
 * of the query side and the benchmarks in {@code ops} run it.
 *
 * <p>Arguments: MongoDB connection string, database, dataset (e.g. {@code saving_years}), and
 * optionally the generation of the saving, programme and committee read models to read (default 1).
 */
public final class ExtractProbe {

    private ExtractProbe() {
    }

    public static void main(String[] args) throws IOException {
        Dataset dataset = Dataset.valueOf(args[2].toUpperCase(Locale.ROOT));
        Map<StreamKind, Integer> generations = Map.of(StreamKind.SAVING, generation(args, 3),
                StreamKind.PROGRAMME, generation(args, 4), StreamKind.COMMITTEE, generation(args, 5));
        try (MongoClient client = MongoClients.create(args[0])) {
            // the operator's own measuring tool, reading the stores directly: every organisation, by name
            LedgerViews views = new LedgerViews(new HistoryStore(client.getDatabase(args[1]), generations),
                    OrganisationScope.everyOrganisation());
            long start = System.nanoTime();
            long[] firstByte = {-1};
            long[] bytes = {0};
            long[] rows = {0};
            OutputStream counter = new OutputStream() {
                @Override
                public void write(int b) {
                    count(1);
                }

                @Override
                public void write(byte[] buffer, int offset, int length) {
                    count(length);
                }

                private void count(int n) {
                    if (firstByte[0] < 0) {
                        firstByte[0] = System.nanoTime() - start;
                    }
                    bytes[0] += n;
                }
            };
            try (ExtractFormat.RowWriter writer = ExtractFormat.CSV.open(dataset.columns(), counter)) {
                dataset.write(views, new BiQuery(Instant.now(), LocalDate.now(), null, null), values -> {
                    rows[0]++;
                    writer.row(values);
                });
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("rows=%d bytes=%d firstByteMs=%d totalMs=%d peakHeapMiB=%d maxHeapMiB=%d%n", rows[0],
                    bytes[0], firstByte[0] / 1_000_000, (System.nanoTime() - start) / 1_000_000, peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static int generation(String[] args, int index) {
        return args.length > index ? Integer.parseInt(args[index]) : 1;
    }
}
