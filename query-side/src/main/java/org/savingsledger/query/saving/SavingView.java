package org.savingsledger.query.saving;

import io.swagger.v3.oas.annotations.media.Schema;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.Rag;
import org.savingsledger.shared.Recurrence;
import org.savingsledger.shared.SavingCategory;
import org.savingsledger.shared.Stage;
import org.savingsledger.shared.Total;

import java.time.LocalDate;
import java.util.SortedMap;

/**
 * A saving as the query API answers it: {@code profile} is planned money per year; {@code version}
 * the last change counted; {@code effectiveFrom} when the saving took effect (its proposal's effective
 * date; null for a saving read from a fold snapshot projected before snapshots kept it, until the
 * read model is rebuilt); {@code description} is set only once an amendment gave one; {@code recurrence} RECURRING or ONE_OFF, {@code category} null until given;
 * {@code postsPlanned} and {@code postsDelivered} the posts (FTE) per year. Component names are the JSON
 * field names of the contract.
 */
public record SavingView(String id, String programmeId, String title, @Schema(nullable = true) String workstream, @Schema(nullable = true) String owner,
                         @Schema(implementation = Stage.class) String stage,
                         @Schema(implementation = Confidence.class) String confidence,
                         @Schema(implementation = Rag.class, nullable = true) String rag, boolean withdrawn,
                         SortedMap<FinancialYear, Total> profile, SortedMap<FinancialYear, Total> delivered,
                         long version, @Schema(nullable = true) LocalDate effectiveFrom, @Schema(nullable = true) String description,
                         @Schema(implementation = Recurrence.class) String recurrence,
                         @Schema(implementation = SavingCategory.class, nullable = true) String category,
                         SortedMap<FinancialYear, Fte> postsPlanned, SortedMap<FinancialYear, Fte> postsDelivered) {

    public static SavingView of(SavingPosition saving) {
        return new SavingView(saving.id(), saving.programmeId(), saving.title(), saving.workstream(), saving.owner(),
                saving.stage(), saving.confidence(), saving.rag(), saving.withdrawn(), saving.planned(),
                saving.delivered(), saving.version(), saving.effectiveFrom(), saving.description(), saving.recurrence(), saving.category(),
                saving.postsPlanned(), saving.postsDelivered());
    }
}
