package org.savingsledger.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.PostsProfile;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Recurrence;
import org.savingsledger.shared.SavingCategory;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

import java.time.LocalDate;

/** The bodies of the commands {@link ProgrammeController} takes, with their limits. */
final class ProgrammeRequests {

    private ProgrammeRequests() {
    }

    /** Launch a programme. {@code expectedVersion} is refused: nothing new has a version. */
    record LaunchProgrammeRequest(
            String id,
            @NotBlank @Size(max = 200) String organisation,
            @NotBlank @Size(max = 200) String name,
            @NotNull Money savingsTarget,
            @NotNull FinancialYear firstYear,
            @NotNull FinancialYear lastYear,
            @Size(max = 2000) String description,
            @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion,
            ProgrammeId follows,
            @Size(max = 200) String directorate) implements CommandBody {
    }

    record ReviseTargetRequest(
            @NotNull Money savingsTarget,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }

    /** A cost drawdown (an amount above zero), or a correction of it or of the budget (signed, non-zero). */
    record AmountRequest(
            @NotNull Money amount,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion,
            @Size(max = 200) String source) implements CommandBody {
    }

    /** The programme's name, description and directorate to replace; each is optional, at least one is given. */
    record ProgrammeDetailsRequest(
            @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion,
            @Size(max = 200) String directorate) implements CommandBody {
    }

    /** The programme's new period. */
    record ProgrammePeriodRequest(
            @NotNull FinancialYear firstYear,
            @NotNull FinancialYear lastYear,
            @NotBlank @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion) implements CommandBody {
    }

    /** Propose a saving. {@code profile} maps years to planned amounts: {@code {"2018/19": 6804000}}. */
    record ProposeSavingRequest(
            String id,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 200) String workstream,
            @Size(max = 200) String owner,
            @NotNull Confidence confidence,
            @NotNull Stage stage,
            @NotNull SavingsProfile profile,
            @Size(max = 2000) String reason,
            LocalDate effectiveDate,
            @Size(max = 500) String decisionRef,
            @PositiveOrZero Long expectedVersion,
            Recurrence recurrence,
            SavingCategory category,
            PostsProfile posts) implements CommandBody {
    }
}
