package org.savingsledger.ops;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
}
