package org.tracker.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The audit code runs from the command line without the service: it must not need the service's frameworks. */
@AnalyzeClasses(packages = "org.tracker.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule knowsNoFrameworkOfTheService = noClasses()
            .that()
            .resideInAPackage("org.tracker.audit..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "org.axonframework..", "org.apache.kafka..", "org.tracker.core..");

    @ArchTest
    static final ArchRule packagesFormNoCycles =
            slices().matching("org.tracker.audit.(*)..").should().beFreeOfCycles();
}
