package org.tracker.notify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The notifier's boundaries, checked on its compiled classes. */
@AnalyzeClasses(packages = "org.tracker.notify", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The rules of alerting are tested as plain code, so they know no Spring, Kafka, SQL or JSON. */
    @ArchTest
    static final ArchRule rulesArePure = classes()
            .that()
            .resideInAPackage("org.tracker.notify.rule..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.tracker.core..", "org.tracker.notify.rule..");

    @ArchTest
    static final ArchRule packagesFormNoCycles =
            slices().matching("org.tracker.notify.(*)..").should().beFreeOfCycles();
}
