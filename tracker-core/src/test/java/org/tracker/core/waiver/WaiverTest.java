package org.tracker.core.waiver;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.FactRejected;
import org.tracker.core.api.InvokeWaiver;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.RecordWaiverExpiry;
import org.tracker.core.api.RecordWaiverProvision;
import org.tracker.core.api.RenewWaiver;
import org.tracker.core.api.RevokeWaiver;
import org.tracker.core.api.WaiverExpired;
import org.tracker.core.api.WaiverInvoked;
import org.tracker.core.api.WaiverProvisionRecorded;
import org.tracker.core.api.WaiverRenewed;
import org.tracker.core.api.WaiverRevoked;
import org.tracker.core.api.WaiverStatute;

class WaiverTest {

    private static final Provenance PROVENANCE = new Provenance(
            Instant.parse("2024-05-10T04:00:00Z"),
            Instant.parse("2024-05-11T12:00:00Z"),
            "https://www.federalregister.gov/",
            "analyst");

    private static final String WAIVER_ID = "waiver-faa620i";
    private static final String CITATION = "22 U.S.C. 2378-1(b)";
    private static final String TITLE = "FAA §620I national-security waiver";
    private static final String SUMMARY = "The President may waive the bar on assistance in the national interest.";
    private static final String SUBJECT = "Assistance to a state restricting US humanitarian aid";
    private static final String JUSTIFICATION = "in the national security interest of the United States";

    private static final LocalDate DETERMINED_ON = LocalDate.of(2024, 5, 10);
    private static final LocalDate EXPIRES_ON = LocalDate.of(2025, 5, 10);
    private static final LocalDate RENEWED_ON = LocalDate.of(2025, 5, 1);
    private static final LocalDate RENEWAL_EXPIRES_ON = LocalDate.of(2026, 5, 10);

    private static final WaiverProvisionRecorded PROVIDED =
            new WaiverProvisionRecorded(WAIVER_ID, WaiverStatute.FAA_620I, CITATION, TITLE, SUMMARY, PROVENANCE);
    private static final WaiverInvoked INVOKED =
            new WaiverInvoked(WAIVER_ID, SUBJECT, DETERMINED_ON, DETERMINED_ON, EXPIRES_ON, JUSTIFICATION, PROVENANCE);
    private static final WaiverRenewed RENEWED =
            new WaiverRenewed(WAIVER_ID, RENEWED_ON, RENEWAL_EXPIRES_ON, JUSTIFICATION, PROVENANCE);
    private static final WaiverExpired EXPIRED = new WaiverExpired(WAIVER_ID, EXPIRES_ON, PROVENANCE);
    private static final WaiverRevoked REVOKED =
            new WaiverRevoked(WAIVER_ID, LocalDate.of(2024, 9, 1), "conditions met", PROVENANCE);

    private final AggregateTestFixture<Waiver> fixture = new AggregateTestFixture<>(Waiver.class);

    private static InvokeWaiver invoke(LocalDate determinedOn, LocalDate effectiveOn, LocalDate expiresOn) {
        return new InvokeWaiver(WAIVER_ID, SUBJECT, determinedOn, effectiveOn, expiresOn, JUSTIFICATION, PROVENANCE);
    }

    private static RenewWaiver renew(LocalDate determinedOn, LocalDate expiresOn) {
        return new RenewWaiver(WAIVER_ID, determinedOn, expiresOn, JUSTIFICATION, PROVENANCE);
    }

    @Nested
    class Provision {

        @Test
        void aProvisionIsRecorded() {
            fixture.givenNoPriorActivity()
                    .when(new RecordWaiverProvision(
                            WAIVER_ID, WaiverStatute.FAA_620I, " " + CITATION + " ", TITLE, SUMMARY, PROVENANCE))
                    .expectEvents(PROVIDED);
        }

        @Test
        void theSameProvisionTwiceRecordsNothing() {
            fixture.given(PROVIDED)
                    .when(new RecordWaiverProvision(
                            WAIVER_ID, WaiverStatute.FAA_620I, CITATION, TITLE, SUMMARY, PROVENANCE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aProvisionWithoutCitationIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RecordWaiverProvision(WAIVER_ID, WaiverStatute.FAA_620I, " ", TITLE, SUMMARY, PROVENANCE))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aProvisionWithoutStatuteIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RecordWaiverProvision(WAIVER_ID, null, CITATION, TITLE, SUMMARY, PROVENANCE))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Invocation {

        @Test
        void anInvokedWaiverTakesEffectOnItsDeterminationUnlessToldOtherwise() {
            fixture.given(PROVIDED)
                    .when(invoke(DETERMINED_ON, null, EXPIRES_ON))
                    .expectEvents(INVOKED);
        }

        @Test
        void anInvokedWaiverTakesEffectOnTheDayGiven() {
            LocalDate effectiveOn = DETERMINED_ON.plusDays(15);
            fixture.given(PROVIDED)
                    .when(invoke(DETERMINED_ON, effectiveOn, EXPIRES_ON))
                    .expectEvents(new WaiverInvoked(
                            WAIVER_ID, SUBJECT, DETERMINED_ON, effectiveOn, EXPIRES_ON, JUSTIFICATION, PROVENANCE));
        }

        @Test
        void theSameDeterminationTwiceRecordsNothing() {
            fixture.given(PROVIDED, INVOKED)
                    .when(invoke(DETERMINED_ON, null, EXPIRES_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherDeterminationWhileInEffectIsRejected() {
            fixture.given(PROVIDED, INVOKED)
                    .when(invoke(DETERMINED_ON.plusMonths(1), null, EXPIRES_ON))
                    .expectException(FactRejected.class)
                    .expectExceptionMessage(containsString("record a renewal instead"))
                    .expectNoEvents();
        }

        @Test
        void aWaiverThatExpiresWhenItTakesEffectIsRefused() {
            fixture.given(PROVIDED)
                    .when(invoke(DETERMINED_ON, EXPIRES_ON, EXPIRES_ON))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("a waiver must expire after it takes effect")
                    .expectNoEvents();
        }

        @Test
        void anInvocationWithoutDeterminationDateIsRefused() {
            fixture.given(PROVIDED)
                    .when(invoke(null, null, EXPIRES_ON))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void anExpiredWaiverCanBeInvokedAgain() {
            LocalDate again = EXPIRES_ON.plusMonths(2);
            fixture.given(PROVIDED, INVOKED, EXPIRED)
                    .when(invoke(again, null, null))
                    .expectEvents(new WaiverInvoked(WAIVER_ID, SUBJECT, again, again, null, JUSTIFICATION, PROVENANCE));
        }

        @Test
        void aRevokedWaiverCanBeInvokedAgain() {
            LocalDate again = REVOKED.revokedOn().plusMonths(1);
            fixture.given(PROVIDED, INVOKED, REVOKED)
                    .when(invoke(again, null, null))
                    .expectEvents(new WaiverInvoked(WAIVER_ID, SUBJECT, again, again, null, JUSTIFICATION, PROVENANCE));
        }

        @Test
        void aNewDeterminationBeforeThePreviousEndedIsRejected() {
            fixture.given(PROVIDED, INVOKED, EXPIRED)
                    .when(invoke(EXPIRES_ON.minusDays(1), null, null))
                    .expectException(FactRejected.class)
                    .expectExceptionMessage(containsString("cannot precede the end of the previous one"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Renewal {

        @Test
        void aWaiverInEffectIsRenewed() {
            fixture.given(PROVIDED, INVOKED)
                    .when(renew(RENEWED_ON, RENEWAL_EXPIRES_ON))
                    .expectEvents(RENEWED);
        }

        @Test
        void theSameRenewalTwiceRecordsNothing() {
            fixture.given(PROVIDED, INVOKED, RENEWED)
                    .when(renew(RENEWED_ON, RENEWAL_EXPIRES_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aRenewalBeforeTheDeterminationIsRejected() {
            fixture.given(PROVIDED, INVOKED)
                    .when(renew(DETERMINED_ON.minusDays(1), RENEWAL_EXPIRES_ON))
                    .expectException(FactRejected.class)
                    .expectExceptionMessage(containsString("cannot precede the determination of 2024-05-10"))
                    .expectNoEvents();
        }

        @Test
        void aRenewalThatExpiresBeforeItIsDeterminedIsRefused() {
            fixture.given(PROVIDED, INVOKED)
                    .when(renew(RENEWED_ON, RENEWED_ON.minusDays(1)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aWaiverNeverInvokedCannotBeRenewed() {
            fixture.given(PROVIDED)
                    .when(renew(RENEWED_ON, RENEWAL_EXPIRES_ON))
                    .expectException(FactRejected.class)
                    .expectExceptionMessage(containsString("is AVAILABLE and only a waiver in effect can be renewed"))
                    .expectNoEvents();
        }

        @Test
        void anExpiredWaiverCannotBeRenewed() {
            fixture.given(PROVIDED, INVOKED, EXPIRED)
                    .when(renew(EXPIRES_ON.plusDays(1), RENEWAL_EXPIRES_ON))
                    .expectException(FactRejected.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Expiry {

        @Test
        void aWaiverInEffectExpires() {
            fixture.given(PROVIDED, INVOKED)
                    .when(new RecordWaiverExpiry(WAIVER_ID, EXPIRES_ON, PROVENANCE))
                    .expectEvents(EXPIRED);
        }

        @Test
        void theSameExpiryTwiceRecordsNothing() {
            fixture.given(PROVIDED, INVOKED, EXPIRED)
                    .when(new RecordWaiverExpiry(WAIVER_ID, EXPIRES_ON, PROVENANCE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anExpiredWaiverCannotExpireOnAnotherDay() {
            fixture.given(PROVIDED, INVOKED, EXPIRED)
                    .when(new RecordWaiverExpiry(WAIVER_ID, EXPIRES_ON.plusDays(1), PROVENANCE))
                    .expectException(FactRejected.class)
                    .expectNoEvents();
        }

        @Test
        void aWaiverNeverInvokedCannotExpire() {
            fixture.given(PROVIDED)
                    .when(new RecordWaiverExpiry(WAIVER_ID, EXPIRES_ON, PROVENANCE))
                    .expectException(FactRejected.class)
                    .expectExceptionMessage(containsString("only a waiver in effect can expire"))
                    .expectNoEvents();
        }

        @Test
        void anExpiryBeforeTheDeterminationIsRejected() {
            fixture.given(PROVIDED, INVOKED)
                    .when(new RecordWaiverExpiry(WAIVER_ID, DETERMINED_ON.minusDays(1), PROVENANCE))
                    .expectException(FactRejected.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Revocation {

        @Test
        void aWaiverInEffectIsRevoked() {
            fixture.given(PROVIDED, INVOKED)
                    .when(new RevokeWaiver(WAIVER_ID, REVOKED.revokedOn(), REVOKED.reason(), PROVENANCE))
                    .expectEvents(REVOKED);
        }

        @Test
        void theSameRevocationTwiceRecordsNothing() {
            fixture.given(PROVIDED, INVOKED, REVOKED)
                    .when(new RevokeWaiver(WAIVER_ID, REVOKED.revokedOn(), REVOKED.reason(), PROVENANCE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anExpiredWaiverCannotBeRevoked() {
            fixture.given(PROVIDED, INVOKED, EXPIRED)
                    .when(new RevokeWaiver(WAIVER_ID, EXPIRES_ON.plusDays(1), "too late", PROVENANCE))
                    .expectException(FactRejected.class)
                    .expectExceptionMessage(containsString("only a waiver in effect can be revoked"))
                    .expectNoEvents();
        }

        @Test
        void aRevocationWithoutDateIsRefused() {
            fixture.given(PROVIDED, INVOKED)
                    .when(new RevokeWaiver(WAIVER_ID, null, REVOKED.reason(), PROVENANCE))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }
}
