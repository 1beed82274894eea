package org.savingsledger.query.odata;

import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAnnotation;
import org.apache.olingo.commons.api.edm.provider.CsdlTerm;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlConstantExpression;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlConstantExpression.ConstantExpressionType;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlExpression;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlPropertyValue;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlRecord;

import java.util.List;
import java.util.Map;

/**
 * What each entity set supports, said in the OASIS Capabilities vocabulary so that Power Query knows which
 * steps it can fold into a request instead of finding out by failing: filter, sort, count, top, skip and
 * select are supported; expand, search and any write are not. docs/odata.md says the same in words.
 */
final class Capabilities {

    static final String NAMESPACE = "Org.OData.Capabilities.V1";
    static final String ALIAS = "Capabilities";
    static final String VOCABULARY = "https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Capabilities.V1.xml";

    /** Each term used, with its type in the vocabulary. */
    private static final Map<String, String> TERMS = Map.ofEntries(
            Map.entry("FilterRestrictions", NAMESPACE + ".FilterRestrictionsType"),
            Map.entry("SortRestrictions", NAMESPACE + ".SortRestrictionsType"),
            Map.entry("CountRestrictions", NAMESPACE + ".CountRestrictionsType"),
            Map.entry("TopSupported", "Org.OData.Core.V1.Tag"),
            Map.entry("SkipSupported", "Org.OData.Core.V1.Tag"),
            Map.entry("SelectSupport", NAMESPACE + ".SelectSupportType"),
            Map.entry("ExpandRestrictions", NAMESPACE + ".ExpandRestrictionsType"),
            Map.entry("SearchRestrictions", NAMESPACE + ".SearchRestrictionsType"),
            Map.entry("InsertRestrictions", NAMESPACE + ".InsertRestrictionsType"),
            Map.entry("UpdateRestrictions", NAMESPACE + ".UpdateRestrictionsType"),
            Map.entry("DeleteRestrictions", NAMESPACE + ".DeleteRestrictionsType"));

    private Capabilities() {
    }

    static List<CsdlAnnotation> ofEntitySet() {
        return List.of(
                record("FilterRestrictions", "Filterable", true),
                record("SortRestrictions", "Sortable", true),
                record("CountRestrictions", "Countable", true),
                tag("TopSupported", true),
                tag("SkipSupported", true),
                record("SelectSupport", "Supported", true),
                record("ExpandRestrictions", "Expandable", false),
                record("SearchRestrictions", "Searchable", false),
                record("InsertRestrictions", "Insertable", false),
                record("UpdateRestrictions", "Updatable", false),
                record("DeleteRestrictions", "Deletable", false));
    }

    /** The vocabulary's term, so the model can name it in an annotation; null for any other. */
    static CsdlTerm term(FullQualifiedName name) {
        if (name == null || !(NAMESPACE.equals(name.getNamespace()) || ALIAS.equals(name.getNamespace()))
                || !TERMS.containsKey(name.getName())) {
            return null;
        }
        return new CsdlTerm().setName(name.getName()).setType(TERMS.get(name.getName()));
    }

    private static CsdlAnnotation record(String term, String property, boolean value) {
        return annotation(term, new CsdlRecord().setPropertyValues(List.of(
                new CsdlPropertyValue().setProperty(property).setValue(bool(value)))));
    }

    private static CsdlAnnotation tag(String term, boolean value) {
        return annotation(term, bool(value));
    }

    private static CsdlAnnotation annotation(String term, CsdlExpression expression) {
        return new CsdlAnnotation().setTerm(NAMESPACE + "." + term).setExpression(expression);
    }

    private static CsdlConstantExpression bool(boolean value) {
        return new CsdlConstantExpression(ConstantExpressionType.Bool, Boolean.toString(value));
    }
}
