package org.tracker.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.tracker.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("org.tracker.api.(*)..").should().beFreeOfCycles();

    /** Projections are fed from Kafka only; reading the store directly would bypass the path the notifier uses. */
    @ArchTest
    static final ArchRule projectionsDoNotReadTheEventStore = noClasses()
            .that()
            .resideInAPackage("org.tracker.api.projection..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.axonframework.eventsourcing..");

    /** Facts enter only as commands through the aggregates, which check them; nothing publishes events directly. */
    @ArchTest
    static final ArchRule onlyAggregatesCreateEvents = noClasses()
            .that()
            .resideInAPackage("org.tracker.api..")
            .should()
            .callMethod(org.axonframework.eventhandling.EventBus.class, "publish", java.util.List.class);
}
