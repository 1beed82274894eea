package org.savingsledger.query.committee.pack;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A workbook's zip rewritten with every entry stamped with one given time, in the same order: POI stamps
 * each entry with the moment it writes it, which would make two downloads of the same report differ.
 * The time is written as a zip (DOS) local time, with no extended timestamp and no time zone, so the
 * bytes do not depend on the server's zone either.
 */
final class StableZip {

    private StableZip() {
    }

    static byte[] stamped(byte[] zip, LocalDateTime time) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length + 1024);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry stamped = new ZipEntry(entry.getName());
                stamped.setTimeLocal(time);
                out.putNextEntry(stamped);
                in.transferTo(out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a workbook written in memory could not be re-read", e);
        }
        return bytes.toByteArray();
    }
}
