package org.savingsledger.shared;

/** How a pending budget bid was decided: approved (the money moves to the approved budget) or declined. */
public enum BudgetDecision {
    APPROVED,
    DECLINED
}
