package org.savingsledger.query.odata;

import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;
import org.savingsledger.query.bi.Dataset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a parsed {@code $filter} expression on one row ({@link RowValues}). What it does not
 * implement (arithmetic, lambdas, most functions) is refused as 501 before any row is read, since the
 * first evaluation, on a row of nulls, visits every node.
 */
final class RowExpression implements ExpressionVisitor<Object> {

    private final Dataset dataset;
    private final Object[] row;

    private RowExpression(Dataset dataset, Object[] row) {
        this.dataset = dataset;
        this.row = row;
    }

    /** Whether the row satisfies the expression; unknown (null) does not. */
    static boolean test(Expression expression, Dataset dataset, Object[] row) throws Refusal {
        return Boolean.TRUE.equals(evaluate(expression, dataset, row));
    }

    static Object evaluate(Expression expression, Dataset dataset, Object[] row) throws Refusal {
        try {
            return expression.accept(new RowExpression(dataset, row));
        } catch (Refusal refusal) {
            throw refusal;
        } catch (ExpressionVisitException | org.apache.olingo.server.api.ODataApplicationException e) {
            throw Refusal.invalid("$filter", e.getMessage());
        }
    }

    @Override
    public Object visitBinaryOperator(BinaryOperatorKind operator, Object left, Object right) throws Refusal {
        switch (operator) {
            case AND:
                return Boolean.TRUE.equals(left) && Boolean.TRUE.equals(right);
            case OR:
                return Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right);
            case EQ:
                return equal(left, right);
            case NE:
                return !equal(left, right);
            case GT:
                return compare(left, right, c -> c > 0);
            case GE:
                return compare(left, right, c -> c >= 0);
            case LT:
                return compare(left, right, c -> c < 0);
            case LE:
                return compare(left, right, c -> c <= 0);
            default:
                throw Refusal.notImplemented("$filter", "the operator '" + operator + "' is not implemented in $filter");
        }
    }

    @Override
    public Object visitBinaryOperator(BinaryOperatorKind operator, Object left, List<Object> right) throws Refusal {
        if (operator != BinaryOperatorKind.IN) {
            throw Refusal.notImplemented("$filter", "the operator '" + operator + "' is not implemented in $filter");
        }
        for (Object value : right) {
            if (equal(left, value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object visitUnaryOperator(UnaryOperatorKind operator, Object operand) throws Refusal {
        if (operator == UnaryOperatorKind.NOT) {
            return operand == null ? null : !Boolean.TRUE.equals(operand);
        }
        if (operator == UnaryOperatorKind.MINUS && (operand == null || operand instanceof BigDecimal)) {
            return operand == null ? null : ((BigDecimal) operand).negate();
        }
        throw Refusal.notImplemented("$filter", "the operator '" + operator + "' is not implemented in $filter");
    }

    @Override
    public Object visitMethodCall(MethodKind method, List<Object> parameters) throws Refusal {
        Object first = parameters.isEmpty() ? null : parameters.get(0);
        Object second = parameters.size() < 2 ? null : parameters.get(1);
        switch (method) {
            case CONTAINS:
                return texts(first, second) ? ((String) first).contains((String) second) : null;
            case STARTSWITH:
                return texts(first, second) ? ((String) first).startsWith((String) second) : null;
            case ENDSWITH:
                return texts(first, second) ? ((String) first).endsWith((String) second) : null;
            case TOLOWER:
                return first instanceof String text ? text.toLowerCase(Locale.ROOT) : null;
            case TOUPPER:
                return first instanceof String text ? text.toUpperCase(Locale.ROOT) : null;
            case TRIM:
                return first instanceof String text ? text.strip() : null;
            case LENGTH:
                return first instanceof String text ? BigDecimal.valueOf(text.length()) : null;
            default:
                throw Refusal.notImplemented("$filter", "the function '" + method.toString() + "' is not implemented in "
                        + "$filter; implemented are contains, startswith, endswith, tolower, toupper, trim and length");
        }
    }

    @Override
    public Object visitLiteral(Literal literal) throws Refusal {
        EdmType type = literal.getType();
        String text = literal.getText();
        if (type == null || "null".equals(text)) {
            return null;
        }
        EdmPrimitiveTypeKind kind;
        try {
            kind = EdmPrimitiveTypeKind.valueOfFQN(type.getFullQualifiedName());
        } catch (IllegalArgumentException notPrimitive) {
            throw Refusal.notImplemented("$filter", "literals of type " + type.getFullQualifiedName() + " are not implemented");
        }
        try {
            switch (kind) {
                case String:
                    return text.substring(1, text.length() - 1).replace("''", "'");
                case Boolean:
                    return Boolean.parseBoolean(text);
                case Byte: case SByte: case Int16: case Int32: case Int64: case Decimal: case Double: case Single:
                    return new BigDecimal(text.replaceAll("[mMdDfFlL]$", ""));
                case Date:
                    return LocalDate.parse(text);
                case DateTimeOffset:
                    return OffsetDateTime.parse(text).toInstant();
                default:
                    throw Refusal.notImplemented("$filter", "literals of type Edm." + kind + " are not implemented");
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw Refusal.notImplemented("$filter", "the literal " + text + " is not implemented");
        }
    }

    @Override
    public Object visitMember(Member member) throws Refusal {
        List<UriResource> parts = member.getResourcePath().getUriResourceParts();
        if (parts.size() != 1 || !(parts.get(0) instanceof UriResourcePrimitiveProperty property)) {
            throw Refusal.notImplemented("$filter", "only the entity's own properties can be compared");
        }
        return row[RowValues.index(dataset, property.getProperty().getName())];
    }

    @Override
    public Object visitAlias(String aliasName) throws Refusal {
        throw Refusal.notImplemented("$filter", "parameter aliases (" + aliasName + ") are not implemented");
    }

    @Override
    public Object visitTypeLiteral(EdmType type) throws Refusal {
        throw Refusal.notImplemented("$filter", "type literals are not implemented");
    }

    @Override
    public Object visitLambdaReference(String variableName) throws Refusal {
        throw Refusal.notImplemented("$filter", "lambda expressions (any, all) are not implemented");
    }

    @Override
    public Object visitLambdaExpression(String function, String variable, Expression expression) throws Refusal {
        throw Refusal.notImplemented("$filter", "lambda expressions (any, all) are not implemented");
    }

    @Override
    public Object visitEnum(EdmEnumType type, List<String> values) throws Refusal {
        throw Refusal.notImplemented("$filter", "enumerations are not implemented");
    }

    private static boolean texts(Object first, Object second) {
        return first instanceof String && second instanceof String;
    }

    private static boolean equal(Object left, Object right) throws Refusal {
        if (left == null || right == null) {
            return left == right;
        }
        return RowOrder.compareValues(left, right) == 0;
    }

    private interface Test {
        boolean holds(int comparison);
    }

    /** An order comparison; with a null on either side it is unknown (null), never true. */
    private static Object compare(Object left, Object right, Test test) throws Refusal {
        return left == null || right == null ? null : test.holds(RowOrder.compareValues(left, right));
    }
}
