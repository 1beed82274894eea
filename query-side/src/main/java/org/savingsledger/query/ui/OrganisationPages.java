package org.savingsledger.query.ui;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.savingsledger.query.organisation.OrganisationRef;
import org.savingsledger.query.organisation.OrganisationView;
import org.savingsledger.query.web.SignedInQueries;
import org.savingsledger.shared.OrganisationId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The sign-in form, the organisations the user may see, and an organisation's overview: its money per year (a chart
 * and its table), its programmes with their savings' RAG statuses, and the addresses of its figures for analysts.
 */
@Controller
@Hidden
class OrganisationPages {

    private final SignedInQueries queries;
    private final Clock clock;

    OrganisationPages(SignedInQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String signedOut,
                  Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("title", error != null ? "Error: Sign in" : "Sign in");
        return "sign-in";
    }

    /** The user's organisations; straight to the organisation when there is only one. */
    @GetMapping("/")
    String home(@RequestParam(required = false) String asAt, @RequestParam(required = false) String effectiveOn,
                Model model, HttpServletResponse response) {
        AsAt at = AsAt.of(asAt, effectiveOn);
        if (!PageMoment.show(at, "/", clock, model, response)) {
            return PageMoment.INVALID;
        }
        List<OrganisationRef> organisations = queries.organisations().organisations(at.instant(clock));
        if (organisations.size() == 1) {
            return "redirect:" + at.link("/ui/organisations/" + organisations.get(0).id());
        }
        model.addAttribute("organisations", organisations);
        return "organisations";
    }

    @GetMapping("/ui/organisations/{id}")
    String organisation(@PathVariable String id, @RequestParam(required = false) String asAt,
                        @RequestParam(required = false) String effectiveOn, Model model, HttpServletResponse response) {
        if (!OrganisationId.isValid(id)) {
            throw new PageNotFound();
        }
        AsAt at = AsAt.of(asAt, effectiveOn);
        if (!PageMoment.show(at, "/ui/organisations/" + id, clock, model, response)) {
            return PageMoment.INVALID;
        }
        Instant instant = at.instant(clock);
        LocalDate effective = at.effectiveDate(clock);
        OrganisationView organisation = queries.organisations().organisation(id, instant, effective)
                .orElseThrow(PageNotFound::new);
        model.addAttribute("organisation", organisation);
        model.addAttribute("overview", OrganisationOverview.of(organisation, queries.programmes(), instant, effective));
        model.addAttribute("analysts", AnalystLinks.of(organisation.id(), at));
        return "organisation";
    }
}
