package org.tracker.core.armssale;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.ArmsSaleNotified;
import org.tracker.core.api.DisapprovalResolutionFiled;
import org.tracker.core.api.FactRejected;
import org.tracker.core.api.FileDisapprovalResolution;
import org.tracker.core.api.NotifyArmsSale;
import org.tracker.core.api.Provenance;

class ArmsSaleTest {

    private static final Provenance PROVENANCE = new Provenance(
            Instant.parse("2024-08-13T04:00:00Z"),
            Instant.parse("2024-08-14T10:00:00Z"),
            "https://www.dsca.mil/press-media/major-arms-sales",
            "analyst");

    private static final String ARMS_SALE_ID = "armssale-24-85";
    private static final String TRANSMITTAL = "24-85";
    private static final String ARTICLES = "F-15IA aircraft and related equipment";
    private static final long VALUE_USD = 18_820_000_000L;
    private static final LocalDate NOTIFIED_ON = LocalDate.of(2024, 8, 13);

    private static final ArmsSaleNotified NOTIFIED = new ArmsSaleNotified(
            ARMS_SALE_ID,
            TRANSMITTAL,
            "Israel",
            ARTICLES,
            VALUE_USD,
            NOTIFIED_ON,
            15,
            LocalDate.of(2024, 8, 28),
            PROVENANCE);

    private final AggregateTestFixture<ArmsSale> fixture = new AggregateTestFixture<>(ArmsSale.class);

    private static NotifyArmsSale notifyIsrael(String armsSaleId, long valueUsd) {
        return new NotifyArmsSale(armsSaleId, TRANSMITTAL, "Israel", ARTICLES, valueUsd, NOTIFIED_ON, PROVENANCE);
    }

    @Test
    void israelHasTheFifteenDayReview() {
        fixture.givenNoPriorActivity()
                .when(notifyIsrael(ARMS_SALE_ID, VALUE_USD))
                .expectEvents(NOTIFIED);
    }

    @Test
    void saudiArabiaHasTheThirtyDayReview() {
        LocalDate notifiedOn = LocalDate.of(2024, 10, 15);
        fixture.givenNoPriorActivity()
                .when(new NotifyArmsSale(
                        "armssale-24-104",
                        "24-104",
                        " Saudi Arabia ",
                        "AIM-9X missiles",
                        3_500_000_000L,
                        notifiedOn,
                        PROVENANCE))
                .expectEvents(new ArmsSaleNotified(
                        "armssale-24-104",
                        "24-104",
                        "Saudi Arabia",
                        "AIM-9X missiles",
                        3_500_000_000L,
                        notifiedOn,
                        30,
                        LocalDate.of(2024, 11, 14),
                        PROVENANCE));
    }

    @Test
    void theSameNotificationTwiceRecordsNothing() {
        fixture.given(NOTIFIED)
                .when(notifyIsrael(ARMS_SALE_ID, VALUE_USD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherValueUnderTheSameTransmittalIsRejected() {
        fixture.given(NOTIFIED)
                .when(notifyIsrael(ARMS_SALE_ID, VALUE_USD + 1))
                .expectException(FactRejected.class)
                .expectExceptionMessage(containsString("a new notification needs a new transmittal number"))
                .expectNoEvents();
    }

    @Test
    void anIdOtherThanThePrefixAndTheTransmittalIsRefused() {
        fixture.givenNoPriorActivity()
                .when(notifyIsrael("armssale-2485", VALUE_USD))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("arms sale id 'armssale-2485' should be 'armssale-24-85'")
                .expectNoEvents();
    }

    @Test
    void aSaleWithoutValueIsRefused() {
        fixture.givenNoPriorActivity()
                .when(notifyIsrael(ARMS_SALE_ID, 0))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aSaleWithoutRecipientIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new NotifyArmsSale(ARMS_SALE_ID, TRANSMITTAL, " ", ARTICLES, VALUE_USD, NOTIFIED_ON, PROVENANCE))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aJointResolutionOfDisapprovalIsLinked() {
        fixture.given(NOTIFIED)
                .when(new FileDisapprovalResolution(ARMS_SALE_ID, "sjres111-118", PROVENANCE))
                .expectEvents(new DisapprovalResolutionFiled(ARMS_SALE_ID, "sjres111-118", PROVENANCE));
    }

    @Test
    void aHouseJointResolutionOfDisapprovalIsLinked() {
        fixture.given(NOTIFIED)
                .when(new FileDisapprovalResolution(ARMS_SALE_ID, "hjres200-118", PROVENANCE))
                .expectEvents(new DisapprovalResolutionFiled(ARMS_SALE_ID, "hjres200-118", PROVENANCE));
    }

    @Test
    void linkingTheSameResolutionTwiceRecordsNothing() {
        fixture.given(NOTIFIED, new DisapprovalResolutionFiled(ARMS_SALE_ID, "sjres111-118", PROVENANCE))
                .when(new FileDisapprovalResolution(ARMS_SALE_ID, "sjres111-118", PROVENANCE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSimpleResolutionCannotDisapproveASale() {
        fixture.given(NOTIFIED)
                .when(new FileDisapprovalResolution(ARMS_SALE_ID, "sres900-118", PROVENANCE))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("is a joint resolution (sjres or hjres), not sres"))
                .expectNoEvents();
    }

    @Test
    void aResolutionThatIsNotABillIdIsRefused() {
        assertThatThrownBy(() -> new FileDisapprovalResolution(ARMS_SALE_ID, "S.J.Res.111", PROVENANCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a measure id");
    }
}
