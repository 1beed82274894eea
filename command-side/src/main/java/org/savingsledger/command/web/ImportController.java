package org.savingsledger.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.savingsledger.command.imports.ImportReport;
import org.savingsledger.command.imports.ImportResult;
import org.savingsledger.command.imports.TrackerImports;
import org.savingsledger.command.imports.TrackerMapping;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.LedgerDirectory;
import org.savingsledger.command.rules.LedgerKind;
import org.savingsledger.command.rules.UnknownIdentifier;
import org.savingsledger.web.access.Organisations;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Spreadsheet imports: a council's savings tracker ({@code .xlsx} or {@code .csv}) checked cell by cell
 * and turned into the commands that bring the ledger to its figures (docs/import.md).
 */
@RestController
@Tag(name = "Imports", description = "Import a savings tracker spreadsheet: a dry run reports, a commit writes the differences.")
class ImportController {

    private final TrackerImports imports;
    private final LedgerDirectory directory;
    private final RoleHierarchy roles;
    private final ObjectMapper mappingReader;

    ImportController(TrackerImports imports, LedgerDirectory directory, RoleHierarchy roles, ObjectMapper json) {
        this.imports = imports;
        this.directory = directory;
        this.roles = roles;
        this.mappingReader = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The workbook form of the report: what a finance officer mends the tracker from. */
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @PostMapping(path = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a savings tracker (.xlsx or .csv, at most 10 MiB) for one organisation. With dryRun=true (the "
            + "default) it answers what it would do and every problem by cell, and writes nothing; with dryRun=false it "
            + "writes the differences from the ledger, or nothing when the tracker has any problem (422). With Accept: "
            + XLSX + " the same report comes as a workbook: the sheet as read with problem cells marked, and the commands.")
    ResponseEntity<ImportReport> importTracker(
            @Parameter(description = "the organisation whose savings the tracker holds") @RequestParam String organisation,
            @Parameter(description = "true: report only; false: write") @RequestParam(defaultValue = "true") boolean dryRun,
            @Parameter(description = "the tracker file") @RequestPart("file") MultipartFile file,
            @Parameter(description = "optional JSON: sheet, units, asAt, decisionReference, programme, and columns mapping "
                    + "the council's headings to the template's") @RequestPart(name = "mapping", required = false) String mapping,
            Authentication user, HttpServletRequest request) throws IOException {
        return ResponseEntity.ok(run(organisation, dryRun, file, mapping, user, request).report());
    }

    @PostMapping(path = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = XLSX)
    @Operation(summary = "The same import, its report as a workbook (Accept: " + XLSX + ").")
    ResponseEntity<byte[]> importTrackerAsWorkbook(@RequestParam String organisation,
                                                   @RequestParam(defaultValue = "true") boolean dryRun,
                                                   @RequestPart("file") MultipartFile file,
                                                   @RequestPart(name = "mapping", required = false) String mapping,
                                                   Authentication user, HttpServletRequest request) throws IOException {
        ImportResult result = run(organisation, dryRun, file, mapping, user, request);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header("Content-Disposition", "attachment; filename=\"import-report.xlsx\"").body(result.workbook());
    }

    private ImportResult run(String organisation, boolean dryRun, MultipartFile file, String mapping, Authentication user,
                             HttpServletRequest request) throws IOException {
        return run(organisation, dryRun, file.getOriginalFilename(), file.getBytes(), mapping, user, request);
    }

    /** The import of {@code content}, named {@code fileName}, for {@code organisation}; also the web interface's. */
    ImportResult run(String organisation, boolean dryRun, String fileName, byte[] content, String mapping,
                     Authentication user, HttpServletRequest request) {
        String organisationId = organisation.strip().toLowerCase(Locale.ROOT);
        List<String> authorities = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        boolean registered = directory.entries(List.of(organisationId)).values().stream()
                .anyMatch(entry -> entry.kind() == LedgerKind.ORGANISATION);
        if (!registered || !Organisations.allows(authorities, organisationId)) {
            throw new UnknownIdentifier(LedgerKind.ORGANISATION, organisationId);
        }
        Set<String> reachable = roles.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        Principal principal = request.getUserPrincipal();
        return imports.run(fileName, content, mapping(mapping), organisationId, dryRun,
                principal.getName(), reachable);
    }

    private TrackerMapping mapping(String json) {
        if (json == null || json.isBlank()) {
            return TrackerMapping.NONE;
        }
        try {
            return mappingReader.readValue(json, TrackerMapping.class);
        } catch (JsonProcessingException e) {
            throw new InvalidCommand("mapping", "must be a JSON object with sheet, units, asAt, decisionReference, programme "
                    + "and columns (an object of heading to template heading): " + e.getOriginalMessage());
        }
    }
}
