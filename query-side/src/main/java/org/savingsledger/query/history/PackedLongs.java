package org.savingsledger.query.history;

import org.bson.Document;
import org.bson.types.Binary;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;

/**
 * An array of longs kept in one binary field of a head, so that reading a head with a long
 * history decodes one byte array and no sub-document.
 */
final class PackedLongs {

    private PackedLongs() {
    }

    /** The longs in {@code field} of {@code state}; null when the field is absent. */
    static long[] read(Document state, String field) {
        Binary stored = state.get(field, Binary.class);
        if (stored == null) {
            return null;
        }
        LongBuffer values = ByteBuffer.wrap(stored.getData()).asLongBuffer();
        long[] longs = new long[values.remaining()];
        values.get(longs);
        return longs;
    }

    /** The long at {@code index} in {@code field}, read without unpacking the rest; {@code missing} past its end or without it. */
    static long at(Document state, String field, int index, long missing) {
        Binary stored = state.get(field, Binary.class);
        return stored == null || (index + 1) * Long.BYTES > stored.getData().length
                ? missing : ByteBuffer.wrap(stored.getData()).getLong(index * Long.BYTES);
    }

    static void write(Document state, String field, long[] longs) {
        ByteBuffer bytes = ByteBuffer.allocate(longs.length * Long.BYTES);
        bytes.asLongBuffer().put(longs);
        state.put(field, new Binary(bytes.array()));
    }

    /** {@code longs} (null: none) grown to at least {@code length}, the new places set to {@code fill}. */
    static long[] grown(long[] longs, int length, long fill) {
        long[] present = longs == null ? new long[0] : longs;
        if (present.length >= length) {
            return present;
        }
        long[] grown = Arrays.copyOf(present, length);
        Arrays.fill(grown, present.length, length, fill);
        return grown;
    }
}
