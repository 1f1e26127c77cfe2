package io.guestlist.service.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module rules of the design: the two sides never meet, the kernel stays free of frameworks, aggregates stay private to their package. */
class ModuleRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.guestlist");
    }

    @Test
    void commandSideNeverDependsOnQuerySide() {
        noClasses().that().resideInAPackage("io.guestlist.command..")
                .should().dependOnClassesThat().resideInAPackage("io.guestlist.query..")
                .check(classes);
    }

    @Test
    void querySideNeverDependsOnCommandSide() {
        noClasses().that().resideInAPackage("io.guestlist.query..")
                .should().dependOnClassesThat().resideInAPackage("io.guestlist.command..")
                .check(classes);
    }

    /** Other packages reach an aggregate only through its commands or its package's entry points (People, Units). */
    @Test
    void aggregatesArePackagePrivate() {
        classes().that().areAnnotatedWith(Aggregate.class).should().notBePublic().check(classes);
    }

    @Test
    void kernelUsesNeitherSpringNorJpaNorTheSides() {
        noClasses().that().resideInAPackage("io.guestlist.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "io.guestlist.command..", "io.guestlist.query..", "io.guestlist.service..")
                .check(classes);
    }
}
