package org.savingsledger.ops.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One BI extract fetched over HTTP as a BI tool fetches it, counted as it streams in and not kept:
 * its bytes, its CSV records (RFC 4180: a line break inside quotes is part of a field) and when its
 * first and last bytes arrived.
 *
 * @param rows           CSV records after the header
 * @param bytes          bytes of the body
 * @param firstByteNanos from sending the request to the first byte of the body
 * @param totalNanos     from sending the request to the end of the body
 */
record HttpExtract(long rows, long bytes, long firstByteNanos, long totalNanos) {

    static HttpExtract fetch(HttpClient http, URI uri, String authorization) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", authorization)
                .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            Records records = new Records();
            long firstByte = -1;
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = body.read(buffer)) >= 0; ) {
                if (read > 0 && firstByte < 0) {
                    firstByte = System.nanoTime() - start;
                }
                records.accept(buffer, read);
            }
            return new HttpExtract(Math.max(0, records.count() - 1), records.bytes, firstByte, System.nanoTime() - start);
        }
    }

    /** Counts the records of a CSV text as its bytes arrive (UTF-8: no byte of a multi-byte character is a quote or line feed). */
    static final class Records {

        private long records;
        private long bytes;
        private boolean quoted;
        private boolean lineOpen;

        void accept(byte[] buffer, int length) {
            for (int i = 0; i < length; i++) {
                byte b = buffer[i];
                if (b == '"') {
                    // an escaped quote ("") toggles twice
                    quoted = !quoted;
                } else if (b == '\n' && !quoted) {
                    records++;
                    lineOpen = false;
                    continue;
                }
                lineOpen = true;
            }
            bytes += length;
        }

        /** Records so far, a last one without its line break included. */
        long count() {
            return records + (lineOpen ? 1 : 0);
        }
    }
}
