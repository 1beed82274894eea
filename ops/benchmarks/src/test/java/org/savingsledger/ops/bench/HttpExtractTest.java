package org.savingsledger.ops.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** How the BI figure counts what came over HTTP: CSV records as RFC 4180 defines them, and a process's memory. */
class HttpExtractTest {

    @Test
    void aLineBreakInsideQuotesIsPartOfAFieldNotARecord() {
        // header + 3 records; the second holds a CRLF and an escaped quote inside quotes
        String csv = "id,title\r\n1,plain\r\n2,\"two\r\nlines, \"\"quoted\"\"\"\r\n3,last\r\n";
        HttpExtract.Records records = new HttpExtract.Records();
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        // arriving in pieces that split the quoted field and a CRLF
        records.accept(slice(bytes, 0, 25), 25);
        records.accept(slice(bytes, 25, bytes.length), bytes.length - 25);

        assertThat(records.count()).isEqualTo(4);
    }

    @Test
    void aLastRecordWithoutItsLineBreakCounts() {
        HttpExtract.Records records = new HttpExtract.Records();
        byte[] bytes = "id,amount\r\n1,£5.00\r\n2,£6.00".getBytes(StandardCharsets.UTF_8);
        records.accept(bytes, bytes.length);

        assertThat(records.count()).isEqualTo(3);
    }

    @Test
    void anEmptyBodyHasNoRecords() {
        assertThat(new HttpExtract.Records().count()).isZero();
    }

    @Test
    void procStatusFieldsAreReadInBytes() {
        String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmHWM:\t  270336 kB\nVmRSS:\t  262144 kB\nThreads:\t42\n";

        assertThat(QuerySideInstance.statusField(status, "VmHWM")).hasValue(270_336L * 1024);
        assertThat(QuerySideInstance.statusField(status, "VmRSS")).hasValue(256L << 20);
        assertThat(QuerySideInstance.statusField(status, "VmSwap")).isEmpty();
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }
}
