package org.savingsledger.query.history;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.savingsledger.query.bi.BiQuery;
import org.savingsledger.query.bi.Dataset;
import org.savingsledger.query.bi.ExtractFormat;
import org.savingsledger.query.view.LedgerViews;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The child JVM of {@link MillionRowExtractTest}: streams {@code saving_years} as CSV from the
 * given MongoDB into a byte counter and prints rows, bytes, time to first byte, total time, peak heap.
 */
public final class MillionRowExtract {

    private MillionRowExtract() {
    }

    public static void main(String[] args) throws IOException {
        try (MongoClient client = MongoClients.create(args[0])) {
            LedgerViews views = new LedgerViews(new HistoryStore(client.getDatabase(args[1])));
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
            try (ExtractFormat.RowWriter writer = ExtractFormat.CSV.open(Dataset.SAVING_YEARS.columns(), counter)) {
                Dataset.SAVING_YEARS.write(views, new BiQuery(Instant.now(), LocalDate.now(), null, null), values -> {
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
}
