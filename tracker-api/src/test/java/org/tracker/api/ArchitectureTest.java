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

    /**
     * The live projection is fed from Kafka only, so that it sees what the notifier sees; reading the store is for the
     * questions auditors ask of the record (as-of, rebuild, refold), all through {@code MeasureEvents}.
     */
    @ArchTest
    static final ArchRule theLiveProjectionReadsKafkaNotTheStore = noClasses()
            .that()
            .haveSimpleName("ProjectionConsumer")
            .or()
            .haveSimpleName("MeasureTable")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.axonframework.eventsourcing..")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleName("MeasureEvents");

    @ArchTest
    static final ArchRule measuresReadTheStoreOnlyThroughMeasureEvents = noClasses()
            .that()
            .resideInAPackage("org.tracker.api.measures..")
            .and()
            .doNotHaveSimpleName("MeasureEvents")
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
