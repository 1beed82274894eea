package org.savingsledger.query.web;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A BI extract's body. The headers that describe the file (type, name, ETag, digest trailer) are set
 * just before its first byte, and the first bytes are sent at once: until then nothing has been
 * sent, so a failure is still answered as a problem without them; from then on the response is
 * committed.
 */
final class FileBody extends FilterOutputStream {

    private final Runnable describe;
    private boolean begun;

    FileBody(OutputStream out, Runnable describe) {
        super(out);
        this.describe = describe;
    }

    /** Sets the file's headers, once; called at the first byte, or at the end of an empty file. */
    void begin() {
        if (!begun) {
            begun = true;
            describe.run();
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (begun) {
            out.write(bytes, offset, length);
        } else {
            begin();
            out.write(bytes, offset, length);
            out.flush();
        }
    }

    @Override
    public void flush() throws IOException {
        begin();
        out.flush();
    }
}
