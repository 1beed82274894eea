package org.savingsledger.command.ui;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.savingsledger.command.rules.DirectoryEntry;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.web.CommandResult;
import org.savingsledger.command.rules.LedgerDirectory;
import org.savingsledger.command.web.PageCommands;
import org.savingsledger.shared.FinancialYear;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The forms of the everyday commands, at {@code /ui/edit/{savings|programmes|committees}/{id}/{form}}. A form
 * sent is the API's command ({@link PageCommands}): refused, the form comes back with what was typed and the
 * problems, and nothing is written; done, the user goes (303) to the page of what changed, which waits for the
 * command's consistency token and says what was done.
 */
@Controller
@Hidden
@RequestMapping("/ui/edit/{kind}/{id}/{slug}")
class CommandForms {

    private final PageCommands commands;
    private final FormTargets targets;

    CommandForms(PageCommands commands, LedgerDirectory directory) {
        this.commands = commands;
        this.targets = new FormTargets(directory);
    }

    @GetMapping
    String show(@PathVariable String kind, @PathVariable String id, @PathVariable String slug,
                @RequestParam(required = false) String version, Authentication user, Model model) {
        Form form = form(kind, slug);
        DirectoryEntry target = targets.require(id, form.target(), user);
        Map<String, String> values = new HashMap<>();
        if (version != null && version.matches("[0-9]{1,18}")) {
            values.put("expectedVersion", version);
        }
        return page(model, form, target, values, Map.of(), null);
    }

    @PostMapping
    Object send(@PathVariable String kind, @PathVariable String id, @PathVariable String slug,
                @RequestParam MultiValueMap<String, String> typed, Authentication user, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        Form form = form(kind, slug);
        DirectoryEntry target = targets.require(id, form.target(), user);
        List<FinancialYear> years = FormTargets.years(target);
        Map<String, String> values = typed.toSingleValueMap();
        PageCommands.Outcome outcome = commands.send(form.command(), id, FormBody.of(form, values, years), request);
        if (outcome.done()) {
            RedirectView done = new RedirectView(changed(form, id, outcome.result()), true);
            done.setStatusCode(HttpStatus.SEE_OTHER);
            done.setExposeModelAttributes(false);
            return done;
        }
        if (outcome.status() == HttpStatus.NOT_FOUND.value()) {
            throw new FormTargets.EditNotFound();
        }
        response.setStatus(outcome.status());
        if (outcome.status() == HttpStatus.FORBIDDEN.value()) {
            return "forbidden";
        }
        boolean fields = outcome.status() == HttpStatus.BAD_REQUEST.value() && !outcome.problems().isEmpty();
        return page(model, form, target, values, fields ? FormView.errors(form, outcome.problems()) : Map.of(),
                fields ? null : outcome.detail());
    }

    private static Form form(String kind, String slug) {
        LedgerKind target = switch (kind) {
            case "savings" -> LedgerKind.SAVING;
            case "programmes" -> LedgerKind.PROGRAMME;
            case "committees" -> LedgerKind.COMMITTEE;
            default -> null;
        };
        if (target == null) {
            throw new FormTargets.EditNotFound();
        }
        return FormCatalogue.find(target, slug).orElseThrow(FormTargets.EditNotFound::new);
    }

    private static String page(Model model, Form form, DirectoryEntry target, Map<String, String> values,
                               Map<String, String> errors, String refusal) {
        String path = "/ui/edit/" + plural(form.target()) + "/" + target.id() + "/" + form.slug();
        FormView view = new FormView(form, caption(target), path, back(target), values, FormTargets.years(target),
                errors, refusal);
        model.addAttribute("view", view);
        model.addAttribute("title", (view.hasProblems() ? "Error: " : "") + form.title());
        return "edit/form";
    }

    /** The page of what the command changed, waiting for it, with the banner of what was done. */
    private static String changed(Form form, String id, CommandResult result) {
        String path = switch (form.target()) {
            case PROGRAMME -> "/ui/savings/" + result.id();
            case COMMITTEE -> "/ui/committees/" + id + "/reports/" + result.id();
            default -> "/ui/savings/" + id;
        };
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path).queryParam("consistencyToken", result.consistencyToken());
        if (form.done() != null) {
            uri.queryParam("done", form.done().slug());
        }
        return uri.encode().build().toUriString();
    }

    private static String back(DirectoryEntry target) {
        return "/ui/" + plural(target.kind()) + "/" + target.id();
    }

    private static String caption(DirectoryEntry target) {
        String kind = target.kind().label();
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " " + target.id();
    }

    private static String plural(LedgerKind kind) {
        return switch (kind) {
            case PROGRAMME -> "programmes";
            case COMMITTEE -> "committees";
            default -> "savings";
        };
    }
}
