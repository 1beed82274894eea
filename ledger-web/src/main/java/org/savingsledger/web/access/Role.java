package org.savingsledger.web.access;

/**
 * What a user may do. Every role may also read (the query API and the BI feeds) in the user's
 * organisations; {@link #ADMIN} may do everything in every organisation.
 */
public enum Role {
    /** Queries and BI feeds. */
    VIEWER,
    /** Savings: propose, re-profile, slip, bring forward, record deliveries, stage, confidence, RAG, withdraw. */
    EDITOR,
    /** Programmes (launch, target, budget approvals, cost drawdowns) and delivery corrections. */
    FINANCE,
    /** Committees: establish, assign programmes, present position reports. */
    COMMITTEE_CLERK,
    /** Operations endpoints (rebuilds, metrics) and everything the other roles may do. */
    ADMIN;

    /** The authority a user holding this role has (Spring Security's {@code ROLE_} convention). */
    public String authority() {
        return "ROLE_" + name();
    }
}
