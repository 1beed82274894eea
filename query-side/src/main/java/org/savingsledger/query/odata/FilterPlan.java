package org.savingsledger.query.odata;

import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.Binary;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.savingsledger.query.bi.Dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code $filter} split in two: an equality on {@code organisation} and one on {@code programme_id}
 * that every row must satisfy (conditions joined by {@code and} at the top, in brackets or not, either
 * operand first) are handed to the read models, which then build only that organisation's or programme's
 * rows; every other condition is evaluated row by row ({@link RowExpression}).
 *
 * @param organisation the organisation asked for, as written (its case is not significant), or null
 * @param programmeId  the programme asked for, or null
 * @param rest         the conditions left to evaluate on each row, all of which must hold
 */
record FilterPlan(String organisation, String programmeId, List<Expression> rest) {

    static final String ORGANISATION = "organisation";
    static final String PROGRAMME = "programme_id";

    static FilterPlan of(Expression filter) {
        List<Expression> conditions = new ArrayList<>();
        if (filter != null) {
            conjuncts(filter, conditions);
        }
        String organisation = null;
        String programme = null;
        List<Expression> rest = new ArrayList<>();
        for (Expression condition : conditions) {
            String property = equalityProperty(condition);
            // a blank value names nothing to hand down (and would read as no filter): it is compared row by row
            String value = property == null ? null : literal(condition);
            if (ORGANISATION.equals(property) && organisation == null && !value.isBlank()) {
                organisation = value;
            } else if (PROGRAMME.equals(property) && programme == null && !value.isBlank()) {
                programme = value;
            } else {
                rest.add(condition);
            }
        }
        return new FilterPlan(organisation, programme, List.copyOf(rest));
    }

    /** Whether a row (of values as {@link RowValues} gives them) satisfies the conditions left. */
    boolean test(Dataset dataset, Object[] row) throws Refusal {
        for (Expression condition : rest) {
            if (!RowExpression.test(condition, dataset, row)) {
                return false;
            }
        }
        return true;
    }

    private static void conjuncts(Expression expression, List<Expression> into) {
        if (expression instanceof Binary binary && binary.getOperator() == BinaryOperatorKind.AND) {
            conjuncts(binary.getLeftOperand(), into);
            conjuncts(binary.getRightOperand(), into);
        } else {
            into.add(expression);
        }
    }

    /** The property of {@code property eq 'text'} or {@code 'text' eq property}; null for any other condition. */
    private static String equalityProperty(Expression condition) {
        if (!(condition instanceof Binary binary) || binary.getOperator() != BinaryOperatorKind.EQ) {
            return null;
        }
        String left = property(binary.getLeftOperand());
        String right = property(binary.getRightOperand());
        if (left != null && text(binary.getRightOperand())) {
            return left;
        }
        return right != null && text(binary.getLeftOperand()) ? right : null;
    }

    private static String literal(Expression condition) {
        Binary binary = (Binary) condition;
        Literal literal = (Literal) (text(binary.getRightOperand()) ? binary.getRightOperand() : binary.getLeftOperand());
        String text = literal.getText();
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    private static String property(Expression operand) {
        if (operand instanceof Member member && member.getResourcePath() != null) {
            List<UriResource> parts = member.getResourcePath().getUriResourceParts();
            if (parts.size() == 1 && parts.get(0) instanceof UriResourcePrimitiveProperty property) {
                return property.getProperty().getName();
            }
        }
        return null;
    }

    private static boolean text(Expression operand) {
        return operand instanceof Literal literal && literal.getText().length() >= 2 && literal.getText().startsWith("'")
                && literal.getType() != null && "Edm.String".equals(literal.getType().getFullQualifiedName()
                .getFullQualifiedNameAsString());
    }
}
