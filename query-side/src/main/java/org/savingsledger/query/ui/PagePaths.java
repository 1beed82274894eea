package org.savingsledger.query.ui;

/**
 * The paths answered as web pages, errors included: the home page, everything under {@code /ui/} and the sign-in
 * and sign-out forms. Everything else (the API above all) keeps its problem+json.
 */
final class PagePaths {

    private PagePaths() {
    }

    /** Whether {@code path} (without the context path) is a page's. */
    static boolean isPage(String path) {
        return path.equals("/") || path.equals("/ui") || path.startsWith("/ui/") || path.equals("/login")
                || path.equals("/logout");
    }
}
