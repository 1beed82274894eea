package org.savingsledger.web.pages;

/**
 * A page or form naming nothing the signed-in user may see or change: answered as "Page not found" (404) by
 * either side, the same whether what it names exists or is another organisation's.
 */
public class NothingToShow extends RuntimeException {

    public NothingToShow() {
        super("page not found", null, false, false);
    }
}
