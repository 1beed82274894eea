package org.savingsledger.ops;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module boundaries of docs/architecture.md, defended. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.savingsledger");
    }

    @Test
    void commandSideNeverImportsQuerySide() {
        noClasses().that().resideInAPackage("org.savingsledger.command..")
                .should().dependOnClassesThat().resideInAPackage("org.savingsledger.query..")
                .check(classes);
    }

    @Test
    void querySideNeverImportsCommandSide() {
        noClasses().that().resideInAPackage("org.savingsledger.query..")
                .should().dependOnClassesThat().resideInAPackage("org.savingsledger.command..")
                .allowEmptyShould(true) // the query side has no classes until its first projection
                .check(classes);
    }

    @Test
    void sharedEventsHoldNoSpringNorDatabaseTypes() {
        noClasses().that().resideInAnyPackage("org.savingsledger.shared..", "org.savingsledger.events..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "com.mongodb..", "org.bson..",
                        "org.savingsledger.command..", "org.savingsledger.query..")
                .check(classes);
    }

    @Test
    void aggregatesAndRulesKnowNothingOfTheWebOrTheDatabase() {
        noClasses().that().resideInAnyPackage("org.savingsledger.command.programme..",
                        "org.savingsledger.command.saving..", "org.savingsledger.command.committee..",
                        "org.savingsledger.command.rules..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.savingsledger.command.web..", "org.savingsledger.command.infrastructure..",
                        "org.springframework.web..", "org.springframework.jdbc..", "java.sql..", "javax.sql..")
                .check(classes);
    }

    /**
     * The query side's one path: the web layer asks the queries, the queries fold the read models, and
     * only the projections and the rebuilds (infrastructure) write them. Nothing calls the web layer.
     * (What the web layer may take from the read models directly is narrowed by the next rule.)
     */
    @Test
    void querySideLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Web").definedBy("org.savingsledger.query.web..", "org.savingsledger.query.security..")
                .layer("Queries").definedBy("org.savingsledger.query.saving..", "org.savingsledger.query.programme..",
                        "org.savingsledger.query.committee..", "org.savingsledger.query.bi..",
                        "org.savingsledger.query.reading..")
                .layer("ReadModels").definedBy("org.savingsledger.query.history..")
                .layer("Infrastructure").definedBy("org.savingsledger.query.infrastructure..")
                .whereLayer("Web").mayNotBeAccessedByAnyLayer()
                .whereLayer("Queries").mayOnlyBeAccessedByLayers("Web")
                .whereLayer("ReadModels").mayOnlyBeAccessedByLayers("Queries", "Web", "Infrastructure")
                .check(classes);
    }

    /**
     * Of the read models' own package the web layer uses only the generation lookup (to pin one
     * generation per request, and the administrator's view of them), the stream kinds' names, and the
     * kept bytes of frozen reports: never a projection, the writer or the store's internals.
     */
    @Test
    void theWebLayerNeverCallsTheProjectionsOrWritesReadModels() {
        DescribedPredicate<JavaClass> historyBeyondItsLookup = resideInAPackage("org.savingsledger.query.history..")
                .and(not(nameMatching("org\\.savingsledger\\.query\\.history\\.(ReadModelGenerations|StreamKind|FrozenReports)(\\$.*)?")));
        noClasses().that().resideInAnyPackage("org.savingsledger.query.web..", "org.savingsledger.query.security..")
                .should().dependOnClassesThat(historyBeyondItsLookup)
                .check(classes);
    }

    @Test
    void queriesKnowNothingOfHttpOrSpring() {
        noClasses().that().resideInAnyPackage("org.savingsledger.query.saving..", "org.savingsledger.query.programme..",
                        "org.savingsledger.query.committee..", "org.savingsledger.query.reading..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "org.savingsledger.web..")
                .check(classes);
    }

    @Test
    void eachQueryPackageIsFreeOfCycles() {
        slices().matching("org.savingsledger.query.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theSharedWebGlueKnowsNeitherSide() {
        noClasses().that().resideInAPackage("org.savingsledger.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.savingsledger.command..",
                        "org.savingsledger.query..", "org.savingsledger.events..")
                .check(classes);
    }
}
