package org.savingsledger.query.ui;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

import java.time.Clock;
import java.util.List;

/**
 * What every page shows of its moment: the as-at control (filled with the URL's values), the banner when the
 * page is not at now, and the control's errors when a value cannot be read — then the page shows no figures
 * (400), rather than figures of a moment nobody asked for.
 */
final class PageMoment {

    /** The view of a page whose moment cannot be read. */
    static final String INVALID = "as-at-invalid";

    private PageMoment() {
    }

    /** Adds the moment to {@code model} for the page at {@code path}; false when it cannot be read. */
    static boolean show(AsAt at, String path, Clock clock, Model model, HttpServletResponse response) {
        model.addAttribute("at", at);
        model.addAttribute("path", path);
        List<AsAt.Problem> problems = at.problems(clock);
        model.addAttribute("problems", problems);
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return false;
        }
        model.addAttribute("banner", at.isSet() ? at.describe(clock) : null);
        return true;
    }
}
