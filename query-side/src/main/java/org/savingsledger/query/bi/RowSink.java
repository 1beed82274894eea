package org.savingsledger.query.bi;

import java.io.IOException;

/** Receives a dataset's rows, one at a time, values in column order. */
@FunctionalInterface
public interface RowSink {

    void row(Object... values) throws IOException;
}
