package org.tracker.core.bill;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.ActionSource;
import org.tracker.core.api.AddCosponsor;
import org.tracker.core.api.AssignBillTitle;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillActionRecorded;
import org.tracker.core.api.BillIntroduced;
import org.tracker.core.api.BillStatus;
import org.tracker.core.api.BillStatusChanged;
import org.tracker.core.api.BillTitleAssigned;
import org.tracker.core.api.BillType;
import org.tracker.core.api.CosponsorAdded;
import org.tracker.core.api.CosponsorWithdrawn;
import org.tracker.core.api.FactRejected;
import org.tracker.core.api.IntroduceBill;
import org.tracker.core.api.LawRecorded;
import org.tracker.core.api.Member;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.RecordBillAction;
import org.tracker.core.api.RecordLaw;
import org.tracker.core.api.WithdrawCosponsor;

class BillTest {

    private static final Provenance PROVENANCE = new Provenance(
            Instant.parse("2024-09-25T04:00:00Z"),
            Instant.parse("2024-09-26T13:30:00Z"),
            "https://www.congress.gov/bill/118th-congress/senate-joint-resolution/111",
            "analyst");

    private static final String BILL_ID = "sjres111-118";
    private static final String TITLE = "A joint resolution providing for congressional disapproval of the proposed"
            + " foreign military sale to the Government of Israel of certain defense articles and services.";
    private static final LocalDate INTRODUCED_ON = LocalDate.of(2024, 9, 25);
    private static final Member SPONSOR = new Member("S000033", "Sen. Sanders, Bernard [I-VT]", "I", "VT");
    private static final Member COSPONSOR = new Member("W000800", "Sen. Welch, Peter [D-VT]", "D", "VT");

    private static final BillIntroduced INTRODUCED =
            new BillIntroduced(BILL_ID, BillType.SJRES, 111, 118, TITLE, INTRODUCED_ON, SPONSOR, PROVENANCE);
    private static final BillAction REFERRAL =
            senateAction(INTRODUCED_ON, "Read twice and referred to the Committee on Foreign Relations.");
    private static final BillStatusChanged REFERRED = new BillStatusChanged(
            BILL_ID, BillStatus.INTRODUCED, BillStatus.REFERRED, INTRODUCED_ON, REFERRAL.text(), PROVENANCE);

    private final AggregateTestFixture<Bill> fixture = new AggregateTestFixture<>(Bill.class);

    private static BillAction senateAction(LocalDate date, String text) {
        return new BillAction(date, null, text, null, null, ActionSource.SENATE, null, null);
    }

    @Nested
    class Introduction {

        @Test
        void derivesTypeNumberAndCongressFromTheId() {
            fixture.givenNoPriorActivity()
                    .when(new IntroduceBill(BILL_ID, "  " + TITLE + " ", INTRODUCED_ON, SPONSOR, PROVENANCE))
                    .expectEvents(INTRODUCED);
        }

        @Test
        void needsNoSponsorWhileTheRecordNamesNone() {
            fixture.givenNoPriorActivity()
                    .when(new IntroduceBill(BILL_ID, TITLE, INTRODUCED_ON, null, PROVENANCE))
                    .expectEvents(new BillIntroduced(
                            BILL_ID, BillType.SJRES, 111, 118, TITLE, INTRODUCED_ON, null, PROVENANCE));
        }

        @Test
        void theSameIntroductionTwiceRecordsNothing() {
            fixture.given(INTRODUCED)
                    .when(new IntroduceBill(BILL_ID, TITLE, INTRODUCED_ON, SPONSOR, PROVENANCE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anIntroductionOnAnotherDayIsRejected() {
            fixture.given(INTRODUCED)
                    .when(new IntroduceBill(BILL_ID, TITLE, INTRODUCED_ON.plusDays(1), SPONSOR, PROVENANCE))
                    .expectException(FactRejected.class)
                    .expectExceptionMessage(containsString("already introduced on 2024-09-25 by S000033"))
                    .expectNoEvents();
        }

        @Test
        void anIntroductionByAnotherSponsorIsRejected() {
            fixture.given(INTRODUCED)
                    .when(new IntroduceBill(BILL_ID, TITLE, INTRODUCED_ON, COSPONSOR, PROVENANCE))
                    .expectException(FactRejected.class)
                    .expectNoEvents();
        }

        @Test
        void anIdNotWrittenAsTypeNumberAndCongressIsRefused() {
            assertThatThrownBy(() -> new IntroduceBill("S.J.Res.111", TITLE, INTRODUCED_ON, SPONSOR, PROVENANCE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a measure id");
        }

        @Test
        void anIntroductionWithoutTitleIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new IntroduceBill(BILL_ID, " ", INTRODUCED_ON, SPONSOR, PROVENANCE))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("a bill is introduced with its title")
                    .expectNoEvents();
        }

        @Test
        void anIntroductionWithoutDateIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new IntroduceBill(BILL_ID, TITLE, null, SPONSOR, PROVENANCE))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage("a bill is introduced on a date")
                    .expectNoEvents();
        }
    }

    @Nested
    class Titles {

        private static final String DISPLAY_TITLE = "Display Title";

        @Test
        void aTitleIsAssignedStripped() {
            fixture.given(INTRODUCED)
                    .when(new AssignBillTitle(BILL_ID, DISPLAY_TITLE, " " + TITLE + " ", PROVENANCE))
                    .expectEvents(new BillTitleAssigned(BILL_ID, DISPLAY_TITLE, TITLE, PROVENANCE));
        }

        @Test
        void theSameTitleTwiceRecordsNothing() {
            fixture.given(INTRODUCED, new BillTitleAssigned(BILL_ID, DISPLAY_TITLE, TITLE, PROVENANCE))
                    .when(new AssignBillTitle(BILL_ID, DISPLAY_TITLE, TITLE, PROVENANCE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherTextOfTheSameTypeIsRecorded() {
            String amended = TITLE.replace("certain", "specified");
            fixture.given(INTRODUCED, new BillTitleAssigned(BILL_ID, DISPLAY_TITLE, TITLE, PROVENANCE))
                    .when(new AssignBillTitle(BILL_ID, DISPLAY_TITLE, amended, PROVENANCE))
                    .expectEvents(new BillTitleAssigned(BILL_ID, DISPLAY_TITLE, amended, PROVENANCE));
        }

        @Test
        void aTitleWithoutItsTypeIsRefused() {
            fixture.given(INTRODUCED)
                    .when(new AssignBillTitle(BILL_ID, null, TITLE, PROVENANCE))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Cosponsors {

        private static final LocalDate SPONSORED_ON = INTRODUCED_ON.plusDays(6);
        private static final CosponsorAdded ADDED =
                new CosponsorAdded(BILL_ID, COSPONSOR, SPONSORED_ON, false, PROVENANCE);
        private static final CosponsorWithdrawn WITHDRAWN =
                new CosponsorWithdrawn(BILL_ID, COSPONSOR.bioguideId(), SPONSORED_ON.plusDays(3), PROVENANCE);

        @Test
        void aCosponsorIsAdded() {
            fixture.given(INTRODUCED)
                    .when(new AddCosponsor(BILL_ID, COSPONSOR, SPONSORED_ON, false, PROVENANCE))
                    .expectEvents(ADDED);
        }

        @Test
        void theSameCosponsorTwiceRecordsNothing() {
            fixture.given(INTRODUCED, ADDED)
                    .when(new AddCosponsor(BILL_ID, COSPONSOR, SPONSORED_ON, false, PROVENANCE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aCosponsorWhoWithdrewCanCosponsorAgain() {
            LocalDate again = SPONSORED_ON.plusDays(10);
            fixture.given(INTRODUCED, ADDED, WITHDRAWN)
                    .when(new AddCosponsor(BILL_ID, COSPONSOR, again, false, PROVENANCE))
                    .expectEvents(new CosponsorAdded(BILL_ID, COSPONSOR, again, false, PROVENANCE));
        }

        @Test
        void theSponsorCannotCosponsor() {
            fixture.given(INTRODUCED)
                    .when(new AddCosponsor(BILL_ID, SPONSOR, SPONSORED_ON, true, PROVENANCE))
                    .expectException(FactRejected.class)
                    .expectExceptionMessage(containsString("is the sponsor of " + BILL_ID))
                    .expectNoEvents();
        }

        @Test
        void aCosponsorshipWithoutDateIsRefused() {
            fixture.given(INTRODUCED)
                    .when(new AddCosponsor(BILL_ID, COSPONSOR, null, false, PROVENANCE))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aCosponsorshipWithoutCosponsorIsRefusedAsInvalidInput() {
            fixture.given(INTRODUCED)
                    .when(new AddCosponsor(BILL_ID, null, SPONSORED_ON, false, PROVENANCE))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aCosponsorWithdraws() {
            fixture.given(INTRODUCED, ADDED)
                    .when(new WithdrawCosponsor(BILL_ID, COSPONSOR.bioguideId(), WITHDRAWN.withdrawnOn(), PROVENANCE))
                    .expectEvents(WITHDRAWN);
        }

        @Test
        void withdrawingTwiceRecordsNothing() {
            fixture.given(INTRODUCED, ADDED, WITHDRAWN)
                    .when(new WithdrawCosponsor(BILL_ID, COSPONSOR.bioguideId(), WITHDRAWN.withdrawnOn(), PROVENANCE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void whoNeverCosponsoredCannotWithdraw() {
            fixture.given(INTRODUCED)
                    .when(new WithdrawCosponsor(BILL_ID, COSPONSOR.bioguideId(), SPONSORED_ON, PROVENANCE))
                    .expectException(FactRejected.class)
                    .expectExceptionMessage(containsString("never cosponsored"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Actions {

        private static final BillAction HEARING = senateAction(INTRODUCED_ON.plusDays(20), "Hearings held.");

        @Test
        void anActionOnABillNeverIntroducedIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RecordBillAction(BILL_ID, REFERRAL, PROVENANCE))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void anActionDatedBeforeTheIntroductionIsRejected() {
            fixture.given(INTRODUCED)
                    .when(new RecordBillAction(
                            BILL_ID, senateAction(INTRODUCED_ON.minusDays(1), REFERRAL.text()), PROVENANCE))
                    .expectException(FactRejected.class)
                    .expectExceptionMessage(containsString("cannot precede the introduction"))
                    .expectNoEvents();
        }

        @Test
        void aReferralIsRecordedAndMovesTheStatusToReferred() {
            fixture.given(INTRODUCED)
                    .when(new RecordBillAction(BILL_ID, REFERRAL, PROVENANCE))
                    .expectEvents(new BillActionRecorded(BILL_ID, REFERRAL, PROVENANCE), REFERRED);
        }

        @Test
        void aHearingIsRecordedWithoutMovingTheStatus() {
            fixture.given(INTRODUCED, new BillActionRecorded(BILL_ID, REFERRAL, PROVENANCE), REFERRED)
                    .when(new RecordBillAction(BILL_ID, HEARING, PROVENANCE))
                    .expectEvents(new BillActionRecorded(BILL_ID, HEARING, PROVENANCE));
        }

        @Test
        void theSameActionTwiceRecordsNothing() {
            fixture.given(INTRODUCED, new BillActionRecorded(BILL_ID, REFERRAL, PROVENANCE), REFERRED)
                    .when(new RecordBillAction(BILL_ID, REFERRAL, PROVENANCE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void noActionIsRefused() {
            assertThatThrownBy(() -> new RecordBillAction(BILL_ID, null, PROVENANCE))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Laws {

        private static final LawRecorded LAW = new LawRecorded(BILL_ID, "Public Law", "118-50", PROVENANCE);

        @Test
        void aLawIsRecorded() {
            fixture.given(INTRODUCED)
                    .when(new RecordLaw(BILL_ID, "Public Law", "118-50", PROVENANCE))
                    .expectEvents(LAW);
        }

        @Test
        void theSameLawTwiceRecordsNothing() {
            fixture.given(INTRODUCED, LAW)
                    .when(new RecordLaw(BILL_ID, "Public Law", "118-50", PROVENANCE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aLawWithoutNumberIsRefused() {
            fixture.given(INTRODUCED)
                    .when(new RecordLaw(BILL_ID, "Public Law", " ", PROVENANCE))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }
}
