package org.savingsledger.query.ui;

/** A page naming nothing the signed-in user may see: the same "page not found" whether it exists or is another's. */
class PageNotFound extends RuntimeException {

    PageNotFound() {
        super("page not found");
    }
}
