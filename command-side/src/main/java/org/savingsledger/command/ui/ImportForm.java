package org.savingsledger.command.ui;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.savingsledger.command.imports.ImportReport;
import org.savingsledger.command.rules.LedgerDirectory;
import org.savingsledger.command.web.PageCommands;
import org.savingsledger.web.pages.Done;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A savings tracker's import, as {@code POST /api/imports} runs it: upload it for a dry run, read the report
 * (commands per row, problems by cell), then write it. What is written is the file that was checked: the commit
 * form carries the file's SHA-256, and the file itself when it is small ({@link #CARRIED}); a larger one is chosen
 * again, and refused unless it is the same file. The commit checks the whole file again before writing, as
 * every import does, so the ledger changed meanwhile is checked too.
 */
@Controller
@Hidden
class ImportForm {

    /** The largest file the commit form carries (base64, in a hidden field) rather than asking for it again. */
    static final int CARRIED = 512 * 1024;

    private final PageCommands commands;
    private final FormTargets targets;

    ImportForm(PageCommands commands, LedgerDirectory directory) {
        this.commands = commands;
        this.targets = new FormTargets(directory);
    }

    @GetMapping("/ui/edit/imports")
    String show(@RequestParam(required = false) String organisation, Authentication user, Model model) {
        targets.requireOrganisation(organisation, user);
        return page(model, organisation, null, null);
    }

    @PostMapping("/ui/edit/imports")
    Object send(@RequestParam(required = false) String organisation, @RequestParam(required = false) MultipartFile file,
                @RequestParam(required = false) String content, @RequestParam(required = false) String fileName,
                @RequestParam(required = false) String digest, @RequestParam(defaultValue = "false") boolean commit,
                Authentication user, Model model, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        targets.requireOrganisation(organisation, user);
        boolean chosen = file != null && !file.isEmpty();
        byte[] bytes = content != null && !content.isBlank() && !chosen ? decode(content) : chosen ? file.getBytes() : null;
        String name = chosen ? file.getOriginalFilename() : fileName;
        if (bytes == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, organisation, null, "Choose the tracker file (.xlsx or .csv)");
        }
        if (commit && !sha256(bytes).equals(digest)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, organisation, null, "This is not the file that was checked: choose the file you checked, "
                    + "or check this one first");
        }
        PageCommands.Imported imported = commands.importTracker(organisation, !commit, name, bytes, user, request);
        if (imported.refusal() != null) {
            response.setStatus(imported.refusal().status());
            return page(model, organisation, null, imported.refusal().detail());
        }
        ImportReport report = imported.report();
        if (commit && report.consistencyToken() != null) {
            RedirectView done = new RedirectView(UriComponentsBuilder.fromPath("/ui/organisations/" + organisation)
                    .queryParam("consistencyToken", report.consistencyToken())
                    .queryParam("done", Done.TRACKER_IMPORTED.slug()).encode().build().toUriString(), true);
            done.setStatusCode(HttpStatus.SEE_OTHER);
            done.setExposeModelAttributes(false);
            return done;
        }
        model.addAttribute("digest", sha256(bytes));
        model.addAttribute("fileName", name);
        model.addAttribute("carried", bytes.length <= CARRIED ? Base64.getEncoder().encodeToString(bytes) : null);
        return page(model, organisation, report, null);
    }

    private static String page(Model model, String organisation, ImportReport report, String problem) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("report", report);
        model.addAttribute("problem", problem);
        model.addAttribute("title", (problem != null ? "Error: " : "") + "Import a savings tracker");
        return "edit/import";
    }

    private static byte[] decode(String content) {
        try {
            return Base64.getDecoder().decode(content.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
