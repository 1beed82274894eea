package org.savingsledger.query.history;

import org.savingsledger.events.LedgerEvent;
import org.savingsledger.events.committee.CommitteeEstablished;
import org.savingsledger.events.committee.PositionReportPresented;
import org.savingsledger.events.committee.ProgrammeAssignedToCommittee;
import org.savingsledger.events.organisation.OrganisationRegistered;
import org.savingsledger.events.programme.ProgrammeBudgetApproved;
import org.savingsledger.events.programme.ProgrammeBudgetCorrected;
import org.savingsledger.events.programme.ProgrammeCostDrawdownCorrected;
import org.savingsledger.events.programme.ProgrammeDetailsChanged;
import org.savingsledger.events.programme.ProgrammePendingBudgetResolved;
import org.savingsledger.events.programme.ProgrammePeriodChanged;
import org.savingsledger.events.programme.ProgrammeCostDrawnDown;
import org.savingsledger.events.programme.ProgrammeLaunched;
import org.savingsledger.events.programme.ProgrammeTargetRevised;
import org.savingsledger.events.saving.SavingBroughtForward;
import org.savingsledger.events.saving.SavingClassified;
import org.savingsledger.events.saving.SavingConfidenceChanged;
import org.savingsledger.events.saving.SavingDeliveryCorrected;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingDetailsChanged;
import org.savingsledger.events.saving.SavingPostsDelivered;
import org.savingsledger.events.saving.SavingPostsDeliveryCorrected;
import org.savingsledger.events.saving.SavingPostsRevised;
import org.savingsledger.events.saving.SavingProfileRevised;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.events.saving.SavingRagChanged;
import org.savingsledger.events.saving.SavingSlippedToYear;
import org.savingsledger.events.saving.SavingStageChanged;
import org.savingsledger.events.saving.SavingWithdrawn;

import java.util.HashMap;
import java.util.Map;

/**
 * The kinds of fact the read side keeps, each under a stable name that the API shows as
 * {@code history[].type} and the store keeps as a fact's {@code type}. The names are written out
 * here, not taken from the event classes, so that renaming a class changes no stored fact and no
 * answer. Read models dispatch with {@code switch} expressions over these constants, which javac
 * checks for completeness; {@code EventTypeTest} checks that every permitted event of each sealed
 * family has its constant.
 */
public enum EventType {

    SAVING_PROPOSED("SavingProposed", SavingProposed.class),
    SAVING_PROFILE_REVISED("SavingProfileRevised", SavingProfileRevised.class),
    SAVING_SLIPPED_TO_YEAR("SavingSlippedToYear", SavingSlippedToYear.class),
    SAVING_BROUGHT_FORWARD("SavingBroughtForward", SavingBroughtForward.class),
    SAVING_DELIVERY_RECORDED("SavingDeliveryRecorded", SavingDeliveryRecorded.class),
    SAVING_DELIVERY_CORRECTED("SavingDeliveryCorrected", SavingDeliveryCorrected.class),
    SAVING_STAGE_CHANGED("SavingStageChanged", SavingStageChanged.class),
    SAVING_CONFIDENCE_CHANGED("SavingConfidenceChanged", SavingConfidenceChanged.class),
    SAVING_RAG_CHANGED("SavingRagChanged", SavingRagChanged.class),
    SAVING_WITHDRAWN("SavingWithdrawn", SavingWithdrawn.class),
    PROGRAMME_LAUNCHED("ProgrammeLaunched", ProgrammeLaunched.class),
    PROGRAMME_TARGET_REVISED("ProgrammeTargetRevised", ProgrammeTargetRevised.class),
    PROGRAMME_BUDGET_APPROVED("ProgrammeBudgetApproved", ProgrammeBudgetApproved.class),
    PROGRAMME_COST_DRAWN_DOWN("ProgrammeCostDrawnDown", ProgrammeCostDrawnDown.class),
    COMMITTEE_ESTABLISHED("CommitteeEstablished", CommitteeEstablished.class),
    PROGRAMME_ASSIGNED_TO_COMMITTEE("ProgrammeAssignedToCommittee", ProgrammeAssignedToCommittee.class),
    POSITION_REPORT_PRESENTED("PositionReportPresented", PositionReportPresented.class),
    /** Not an event: the fold of a saving's earlier facts that an as-at fold starts from (see {@link FoldSnapshots}). */
    FOLD_SNAPSHOT(FoldSnapshots.TYPE, null),
    PROGRAMME_BUDGET_CORRECTED("ProgrammeBudgetCorrected", ProgrammeBudgetCorrected.class),
    PROGRAMME_COST_DRAWDOWN_CORRECTED("ProgrammeCostDrawdownCorrected", ProgrammeCostDrawdownCorrected.class),
    PROGRAMME_DETAILS_CHANGED("ProgrammeDetailsChanged", ProgrammeDetailsChanged.class),
    PROGRAMME_PERIOD_CHANGED("ProgrammePeriodChanged", ProgrammePeriodChanged.class),
    SAVING_DETAILS_CHANGED("SavingDetailsChanged", SavingDetailsChanged.class),
    SAVING_CLASSIFIED("SavingClassified", SavingClassified.class),
    SAVING_POSTS_REVISED("SavingPostsRevised", SavingPostsRevised.class),
    SAVING_POSTS_DELIVERED("SavingPostsDelivered", SavingPostsDelivered.class),
    SAVING_POSTS_DELIVERY_CORRECTED("SavingPostsDeliveryCorrected", SavingPostsDeliveryCorrected.class),
    ORGANISATION_REGISTERED("OrganisationRegistered", OrganisationRegistered.class),
    PROGRAMME_PENDING_BUDGET_RESOLVED("ProgrammePendingBudgetResolved", ProgrammePendingBudgetResolved.class);

    private static final Map<Class<?>, EventType> BY_EVENT = new HashMap<>();
    private static final Map<String, EventType> BY_NAME = new HashMap<>();

    static {
        for (EventType type : values()) {
            BY_NAME.put(type.stableName, type);
            if (type.event != null) {
                BY_EVENT.put(type.event, type);
            }
        }
    }

    private final String stableName;
    private final Class<? extends LedgerEvent> event;

    EventType(String stableName, Class<? extends LedgerEvent> event) {
        this.stableName = stableName;
        this.event = event;
    }

    /** The name stored in facts and shown by the API. */
    public String stableName() {
        return stableName;
    }

    /** The event class this type stands for; null for {@link #FOLD_SNAPSHOT}. */
    public Class<? extends LedgerEvent> event() {
        return event;
    }

    /** The type of {@code event}; fails for an event class without a constant here. */
    public static EventType of(LedgerEvent event) {
        EventType type = BY_EVENT.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("no stable name for event " + event.getClass().getName());
        }
        return type;
    }

    /** The type stored under {@code stableName}. */
    public static EventType named(String stableName) {
        EventType type = BY_NAME.get(stableName);
        if (type == null) {
            throw new IllegalArgumentException("unknown fact type " + stableName);
        }
        return type;
    }

    /** For a projection's {@code switch}: an event of another stream's kind reached it. */
    IllegalArgumentException notOf(StreamKind kind) {
        return new IllegalArgumentException(stableName + " is not an event of a " + kind + " stream");
    }
}
