package org.savingsledger.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.infrastructure.ReadModelRebuilds;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Operations on the read models, for administrators: their generations and any rebuild under way,
 * and starting a rebuild that keeps queries answered (see docs/operations.md).
 */
@RestController
@RequestMapping("/admin/read-models")
@Tag(name = "Operations", description = "For administrators: the read models' generations, any rebuild under way, "
        + "and rebuilds that keep queries answered.")
class ReadModelAdminController {

    private final ReadModelGenerations generations;
    private final ReadModelRebuilds rebuilds;

    ReadModelAdminController(ReadModelGenerations generations, ReadModelRebuilds rebuilds) {
        this.generations = generations;
        this.rebuilds = rebuilds;
    }

    @GetMapping
    @Operation(summary = "Every read model: the generation queries read, and the progress of any rebuild.")
    ReadModels readModels() {
        return new ReadModels(generations.states().stream().map(ReadModelAdminController::status).toList());
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuilds the named read models (readModel, repeatable) or all of them, from the event store, "
            + "into new collections; queries keep being answered and switch over when the rebuild has caught up.")
    ResponseEntity<ReadModels> rebuild(@RequestParam(name = "readModel", required = false) List<String> names) {
        Set<StreamKind> kinds = new LinkedHashSet<>();
        if (names == null || names.isEmpty()) {
            kinds.addAll(Arrays.asList(StreamKind.values()));
        } else {
            for (String name : names) {
                kinds.add(StreamKind.ofReadModel(name.trim()).orElseThrow(() -> new QueryParameters.InvalidQuery(
                        "readModel", "unknown read model '" + name + "'; one of " + READ_MODEL_NAMES)));
            }
        }
        rebuilds.start(kinds);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/admin/read-models")).body(readModels());
    }

    private static final List<String> READ_MODEL_NAMES = Arrays.stream(StreamKind.values()).map(StreamKind::readModel).toList();

    private static ReadModelStatus status(ReadModelGenerations.State state) {
        Rebuild rebuild = state.building() == null ? null : new Rebuild(state.building(),
                state.handoff() ? "HANDING_OVER" : "BUILDING", state.node(), state.startedAt(), state.heartbeatAt(),
                state.position(), state.head());
        LastRebuild last = state.outcome() == null ? null
                : new LastRebuild(state.outcome(), state.detail(), state.completedAt());
        List<Integer> kept = new ArrayList<>();
        state.retired().forEach(retired -> kept.add(retired.getInteger("generation")));
        return new ReadModelStatus(state.kind().readModel(), state.active(), rebuild, last, kept);
    }

    /** The read models' states. */
    record ReadModels(List<ReadModelStatus> readModels) {
    }

    /** One read model: the generation queries read, a rebuild under way, the last rebuild's outcome. */
    record ReadModelStatus(String name, int activeGeneration, @Schema(nullable = true) Rebuild rebuild,
                           @Schema(nullable = true) LastRebuild lastRebuild,
                           List<Integer> retiredGenerationsKept) {
    }

    /** A rebuild under way: events handled up to {@code position} of the store's {@code head}. */
    record Rebuild(int generation, String phase, String node, Instant startedAt, Instant lastReportAt, long position,
                   long head) {
    }

    /** {@code detail} says why a rebuild was abandoned (null when it completed). */
    record LastRebuild(String outcome, @Schema(nullable = true) String detail, Instant at) {
    }
}
