package dev.thetaevolve;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the engine core plain Java (Quarkus, Jakarta and the shell packages stay out of it) and the entities in the store. */
class ArchitectureTest {
    private static final String[] CORE = {
            "dev.thetaevolve.problem..", "dev.thetaevolve.evaluate..", "dev.thetaevolve.database..",
            "dev.thetaevolve.evolve..", "dev.thetaevolve.mutate..", "dev.thetaevolve.rl..", "dev.thetaevolve.remote..", "dev.thetaevolve.search.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.thetaevolve");
    }

    @Test
    void core_importsNoQuarkusNorJakarta() {
        noClasses().that().resideInAnyPackage(CORE).or().resideInAPackage("dev.thetaevolve.llm")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.eclipse.microprofile..", "io.vertx..")
                .check(classes);
    }

    @Test
    void core_doesNotReachIntoTheShell() {
        noClasses().that().resideInAnyPackage(CORE).or().resideInAPackage("dev.thetaevolve.llm")
                .should().dependOnClassesThat().resideInAnyPackage("dev.thetaevolve.store..", "dev.thetaevolve.api..",
                        "dev.thetaevolve.cli..", "dev.thetaevolve.service..", "dev.thetaevolve.llm.rest..")
                .check(classes);
    }

    @Test
    void onlyStore_knowsPersistence() {
        noClasses().that().resideOutsideOfPackages("dev.thetaevolve.store..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "io.quarkus.hibernate..")
                .check(classes);
    }

    /** Entities are the store's own: the other packages see records (RunView, ProgramView, StepView, EntryView). */
    @Test
    void entities_stayInTheStore() {
        noClasses().that().resideOutsideOfPackages("dev.thetaevolve.store..")
                .should().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class)
                .check(classes);
    }
}
