package org.savingsledger.query.ui;

import org.savingsledger.web.pages.NothingToShow;

/** A page naming nothing the signed-in user may see: the same "page not found" whether it exists or is another's. */
class PageNotFound extends NothingToShow {
}
