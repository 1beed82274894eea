package org.savingsledger.query.odata;

import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;
import org.apache.olingo.commons.api.edm.provider.CsdlTerm;
import org.savingsledger.query.bi.Column;
import org.savingsledger.query.bi.Dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The OData model of the BI datasets, read from {@link Dataset} so that the feed, the CSV and JSON Lines
 * extracts and docs/bi-datasets.md describe the same columns: one entity type and entity set per dataset,
 * properties in column order, keyed by the dataset's natural key.
 *
 * <p>Key properties are not nullable (CSDL requires it); a key column that can be empty (a
 * programme-level change has no saving or year) is served as the empty string.
 */
public final class LedgerEdm extends CsdlAbstractEdmProvider {

    public static final String NAMESPACE = "SavingsLedger";
    public static final FullQualifiedName CONTAINER = new FullQualifiedName(NAMESPACE, "Ledger");
    /** Money and posts: plain decimals with two places; 19 digits hold any sum the ledger accepts. */
    static final int DECIMAL_PRECISION = 19;
    static final int DECIMAL_SCALE = 2;
    /** Instants are recorded to the millisecond and served so (without it a DateTimeOffset has none). */
    static final int TIMESTAMP_PRECISION = 3;

    @Override
    public CsdlEntityType getEntityType(FullQualifiedName name) {
        return dataset(name).map(LedgerEdm::entityType).orElse(null);
    }

    @Override
    public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
        if (!CONTAINER.equals(container)) {
            return null;
        }
        return Dataset.named(name).map(LedgerEdm::entitySet).orElse(null);
    }

    @Override
    public CsdlEntityContainer getEntityContainer() {
        return new CsdlEntityContainer().setName(CONTAINER.getName())
                .setEntitySets(Arrays.stream(Dataset.values()).map(LedgerEdm::entitySet).toList());
    }

    @Override
    public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
        return name == null || CONTAINER.equals(name) ? new CsdlEntityContainerInfo().setContainerName(CONTAINER) : null;
    }

    @Override
    public List<CsdlSchema> getSchemas() {
        return List.of(new CsdlSchema().setNamespace(NAMESPACE)
                .setEntityTypes(Arrays.stream(Dataset.values()).map(LedgerEdm::entityType).toList())
                .setEntityContainer(getEntityContainer()));
    }

    @Override
    public CsdlTerm getTerm(FullQualifiedName name) {
        return Capabilities.term(name);
    }

    static FullQualifiedName typeName(Dataset dataset) {
        return new FullQualifiedName(NAMESPACE, dataset.fileName());
    }

    private static Optional<Dataset> dataset(FullQualifiedName name) {
        return NAMESPACE.equals(name.getNamespace()) ? Dataset.named(name.getName()) : Optional.empty();
    }

    private static CsdlEntitySet entitySet(Dataset dataset) {
        return new CsdlEntitySet().setName(dataset.fileName()).setType(typeName(dataset))
                .setAnnotations(Capabilities.ofEntitySet());
    }

    private static CsdlEntityType entityType(Dataset dataset) {
        return new CsdlEntityType().setName(dataset.fileName())
                .setKey(dataset.key().stream().map(name -> new CsdlPropertyRef().setName(name)).toList())
                .setProperties(dataset.columns().stream()
                        .map(column -> property(column, dataset.key().contains(column.name()))).toList());
    }

    private static CsdlProperty property(Column column, boolean key) {
        CsdlProperty property = new CsdlProperty().setName(column.name()).setType(kind(column.type()).getFullQualifiedName());
        if (key) {
            property.setNullable(false);
        }
        if (column.type() == Column.Type.MONEY || column.type() == Column.Type.DECIMAL) {
            property.setPrecision(DECIMAL_PRECISION).setScale(DECIMAL_SCALE);
        }
        if (column.type() == Column.Type.TIMESTAMP) {
            property.setPrecision(TIMESTAMP_PRECISION);
        }
        return property;
    }

    /** The column's type as Olingo knows it: the CSDL name is the one {@link Column.Type#edmType()} gives. */
    static EdmPrimitiveTypeKind kind(Column.Type type) {
        return EdmPrimitiveTypeKind.valueOfFQN(type.edmType());
    }
}
