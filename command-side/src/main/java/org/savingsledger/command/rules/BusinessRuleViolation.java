package org.savingsledger.command.rules;

/** A command was refused by a business rule; nothing was written. */
public class BusinessRuleViolation extends RuntimeException {

    private final transient Rule rule;

    public BusinessRuleViolation(Rule rule, String detail) {
        super(rule.description() + ": " + detail);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
