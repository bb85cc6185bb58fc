package org.tracker.core;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.tracker.core.api.FactCommand;
import org.tracker.core.api.MeasureEvent;

/** The domain's boundaries, checked on its compiled classes. */
@AnalyzeClasses(packages = "org.tracker.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theDomainKnowsNoFrameworkOfTheEdges = noClasses()
            .that()
            .resideInAPackage("org.tracker.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.persistence..",
                    "javax.persistence..",
                    "org.apache.kafka..",
                    "org.springframework.kafka..",
                    "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule packagesFormNoCycles =
            slices().matching("org.tracker.core.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule statusRulesArePure = classes()
            .that()
            .resideInAPackage("org.tracker.core.status..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.tracker.core.api..", "org.tracker.core.status..");

    /**
     * The read model's rules are plain code over rows: the fold takes events already decoded and knows nothing of
     * aggregates, the store or the stream, so the projection, rebuilds, as-of answers and the notifier share it.
     */
    @ArchTest
    static final ArchRule theFoldIsPure = classes()
            .that()
            .resideInAPackage("org.tracker.core.measure..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "org.tracker.core.api..",
                    "org.tracker.core.measure..",
                    "org.axonframework.eventhandling..",
                    "org.axonframework.messaging..");

    @ArchTest
    static final ArchRule eventsAreRevisionedRecords = classes()
            .that()
            .implement(MeasureEvent.class)
            .should()
            .beRecords()
            .andShould()
            .beAnnotatedWith(Revision.class);

    /** A command that skipped the calendar would let a fact dated 9999-12-31 through. */
    @ArchTest
    static final ArchRule everyCommandShowsItsDatesToTheCalendar = classes()
            .that()
            .containAnyFieldsThat(annotatedWith(TargetAggregateIdentifier.class))
            .should()
            .implement(FactCommand.class);
}
