package org.savingsledger.command;

import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.Rule;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** What every business-rule refusal in the aggregate tests must show: the rule it names, and nothing written. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * The command was refused by {@code rule}: a {@link BusinessRuleViolation} whose {@link BusinessRuleViolation#rule()}
     * is that rule and whose message starts with the rule's description (the 422's detail), and no event was applied.
     */
    public static void refusedBy(ResultValidator<?> result, Rule rule) {
        result.expectException(BusinessRuleViolation.class)
                .expectException(violationOf(rule))
                .expectExceptionMessage(startsWith(rule.description()))
                .expectNoEvents();
    }

    public static Matcher<BusinessRuleViolation> violationOf(Rule rule) {
        return new FeatureMatcher<>(equalTo(rule), "a business rule violation naming", "rule") {
            @Override
            protected Rule featureValueOf(BusinessRuleViolation violation) {
                return violation.rule();
            }
        };
    }
}
