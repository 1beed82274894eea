package org.savingsledger.query.odata;

import org.apache.olingo.server.api.uri.UriParameter;
import org.savingsledger.query.bi.Dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The key predicate of a single-entity read, {@code saving_years(saving_id='s-1',year='2018/19')}. */
final class EntityKey {

    private final Dataset dataset;
    private final Map<String, Object> values;

    private EntityKey(Dataset dataset, Map<String, Object> values) {
        this.dataset = dataset;
        this.values = values;
    }

    static EntityKey of(Dataset dataset, List<UriParameter> predicates) throws Refusal {
        Map<String, Object> values = new LinkedHashMap<>();
        for (UriParameter predicate : predicates) {
            String text = predicate.getText();
            if (text == null) {
                throw Refusal.notImplemented("key", "key predicates must be literals");
            }
            if (text.startsWith("'") && text.endsWith("'") && text.length() >= 2) {
                values.put(predicate.getName(), text.substring(1, text.length() - 1).replace("''", "'"));
            } else {
                try {
                    values.put(predicate.getName(), Long.parseLong(text));
                } catch (NumberFormatException e) {
                    throw Refusal.invalid("key", "the key " + predicate.getName() + " cannot be " + text);
                }
            }
        }
        return new EntityKey(dataset, values);
    }

    /** The programme the key names, so that only its rows are built; null when the key has none. */
    String programmeId() {
        Object programme = values.get(FilterPlan.PROGRAMME);
        return programme instanceof String id && !id.isEmpty() ? id : null;
    }

    boolean matches(Object[] row) {
        for (Map.Entry<String, Object> key : values.entrySet()) {
            if (!Objects.equals(row[RowValues.index(dataset, key.getKey())], key.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("(");
        values.forEach((name, value) -> text.append(text.length() > 1 ? "," : "").append(name).append('=')
                .append(value instanceof String s ? "'" + s.replace("'", "''") + "'" : value));
        return text.append(')').toString();
    }
}
