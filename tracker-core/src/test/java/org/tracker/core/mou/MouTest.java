package org.tracker.core.mou;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.AmendMou;
import org.tracker.core.api.FactRejected;
import org.tracker.core.api.FundingCategory;
import org.tracker.core.api.FundingStage;
import org.tracker.core.api.MouAmended;
import org.tracker.core.api.MouExpired;
import org.tracker.core.api.MouSigned;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.RecordMouExpiry;
import org.tracker.core.api.RecordTrancheFunding;
import org.tracker.core.api.ScheduleTranche;
import org.tracker.core.api.SignMou;
import org.tracker.core.api.TrancheFundingRecorded;
import org.tracker.core.api.TrancheScheduled;

class MouTest {

    private static final Provenance PROVENANCE = new Provenance(
            Instant.parse("2016-09-14T04:00:00Z"),
            Instant.parse("2024-01-02T09:00:00Z"),
            "https://2009-2017.state.gov/r/pa/prs/ps/2016/09/261973.htm",
            "analyst");

    private static final String MOU_ID = "mou-2016";
    private static final String TITLE = "Memorandum of Understanding on security assistance, FY2019-FY2028";
    private static final LocalDate SIGNED_ON = LocalDate.of(2016, 9, 14);
    private static final Map<FundingCategory, Long> TOTALS =
            Map.of(FundingCategory.FMF, 33_000_000_000L, FundingCategory.MISSILE_DEFENSE, 5_000_000_000L);

    private static final long FMF_TRANCHE = 3_300_000_000L;
    private static final long OFFSHORE_SHARE = 815_300_000L;

    private static final MouSigned SIGNED = new MouSigned(MOU_ID, TITLE, SIGNED_ON, 2019, 2028, TOTALS, PROVENANCE);
    private static final TrancheScheduled FY2019_FMF =
            new TrancheScheduled(MOU_ID, 2019, FundingCategory.FMF, FMF_TRANCHE, OFFSHORE_SHARE, PROVENANCE);

    private final AggregateTestFixture<Mou> fixture = new AggregateTestFixture<>(Mou.class);

    private static ScheduleTranche schedule(int fiscalYear, FundingCategory category, long amount, Long offshore) {
        return new ScheduleTranche(MOU_ID, fiscalYear, category, amount, offshore, PROVENANCE);
    }

    private static RecordTrancheFunding fund(FundingStage stage, long amount) {
        return new RecordTrancheFunding(MOU_ID, 2019, FundingCategory.FMF, stage, amount, PROVENANCE);
    }

    private static TrancheFundingRecorded funded(FundingStage stage, long amount) {
        return new TrancheFundingRecorded(MOU_ID, 2019, FundingCategory.FMF, stage, amount, PROVENANCE);
    }

    @Nested
    class Signing {

        @Test
        void anMouIsSigned() {
            fixture.givenNoPriorActivity()
                    .when(new SignMou(MOU_ID, TITLE, SIGNED_ON, 2019, 2028, TOTALS, PROVENANCE))
                    .expectEvents(SIGNED);
        }

        @Test
        void theSameSigningTwiceRecordsNothing() {
            fixture.given(SIGNED)
                    .when(new SignMou(MOU_ID, TITLE, SIGNED_ON, 2019, 2028, TOTALS, PROVENANCE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aSigningWithOtherTotalsIsRejected() {
            fixture.given(SIGNED)
                    .when(new SignMou(
                            MOU_ID,
                            TITLE,
                            SIGNED_ON,
                            2019,
                            2028,
                            Map.of(FundingCategory.FMF, 38_000_000_000L),
                            PROVENANCE))
                    .expectException(FactRejected.class)
                    .expectExceptionMessage(containsString("record an amendment instead"))
                    .expectNoEvents();
        }

        @Test
        void aPeriodEndingBeforeItStartsIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new SignMou(MOU_ID, TITLE, SIGNED_ON, 2028, 2019, TOTALS, PROVENANCE))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void anMouCommittingNothingIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new SignMou(MOU_ID, TITLE, SIGNED_ON, 2019, 2028, Map.of(), PROVENANCE))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aNegativeTotalIsRefused() {
            assertThatThrownBy(() -> new SignMou(
                            MOU_ID, TITLE, SIGNED_ON, 2019, 2028, Map.of(FundingCategory.FMF, -1L), PROVENANCE))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Schedule {

        @Test
        void aTrancheIsScheduledWithItsOffshoreShare() {
            fixture.given(SIGNED)
                    .when(schedule(2019, FundingCategory.FMF, FMF_TRANCHE, OFFSHORE_SHARE))
                    .expectEvents(FY2019_FMF);
        }

        @Test
        void aTrancheIsScheduledWhileItsOffshoreShareIsNotOnRecord() {
            fixture.given(SIGNED)
                    .when(schedule(2020, FundingCategory.MISSILE_DEFENSE, 500_000_000L, null))
                    .expectEvents(new TrancheScheduled(
                            MOU_ID, 2020, FundingCategory.MISSILE_DEFENSE, 500_000_000L, null, PROVENANCE));
        }

        @Test
        void aTrancheOutsideTheFiscalYearsIsRejected() {
            fixture.given(SIGNED)
                    .when(schedule(2029, FundingCategory.FMF, FMF_TRANCHE, null))
                    .expectException(FactRejected.class)
                    .expectExceptionMessage(containsString("FY2029 lies outside " + MOU_ID))
                    .expectNoEvents();
        }

        @Test
        void aScheduleBeyondTheTotalIsRejected() {
            fixture.given(
                            SIGNED,
                            new TrancheScheduled(
                                    MOU_ID, 2019, FundingCategory.MISSILE_DEFENSE, 4_800_000_000L, null, PROVENANCE))
                    .when(schedule(2020, FundingCategory.MISSILE_DEFENSE, 500_000_000L, null))
                    .expectException(FactRejected.class)
                    .expectExceptionMessage(containsString("would exceed the $5000000000 the MoU commits"))
                    .expectNoEvents();
        }

        @Test
        void theSameTrancheTwiceRecordsNothing() {
            fixture.given(SIGNED, FY2019_FMF)
                    .when(schedule(2019, FundingCategory.FMF, FMF_TRANCHE, OFFSHORE_SHARE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherAmountForAScheduledTrancheIsRejected() {
            fixture.given(SIGNED, FY2019_FMF)
                    .when(schedule(2019, FundingCategory.FMF, FMF_TRANCHE + 1, OFFSHORE_SHARE))
                    .expectException(FactRejected.class)
                    .expectExceptionMessage(containsString("is already scheduled"))
                    .expectNoEvents();
        }

        @Test
        void anOffshoreShareLargerThanTheTrancheIsRefused() {
            fixture.given(SIGNED)
                    .when(schedule(2019, FundingCategory.FMF, FMF_TRANCHE, FMF_TRANCHE + 1))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aNegativeOffshoreShareIsRefused() {
            assertThatThrownBy(() -> schedule(2019, FundingCategory.FMF, FMF_TRANCHE, -1L))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void nothingIsScheduledUnderAnExpiredMou() {
            fixture.given(SIGNED, new MouExpired(MOU_ID, LocalDate.of(2028, 9, 30), PROVENANCE))
                    .when(schedule(2019, FundingCategory.FMF, FMF_TRANCHE, null))
                    .expectException(FactRejected.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Funding {

        @Test
        void anAppropriationIsRecorded() {
            fixture.given(SIGNED, FY2019_FMF)
                    .when(fund(FundingStage.APPROPRIATED, FMF_TRANCHE))
                    .expectEvents(funded(FundingStage.APPROPRIATED, FMF_TRANCHE));
        }

        @Test
        void theSameAmountTwiceRecordsNothing() {
            fixture.given(SIGNED, FY2019_FMF, funded(FundingStage.APPROPRIATED, FMF_TRANCHE))
                    .when(fund(FundingStage.APPROPRIATED, FMF_TRANCHE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anObligationUpToTheAppropriationIsRecorded() {
            fixture.given(SIGNED, FY2019_FMF, funded(FundingStage.APPROPRIATED, FMF_TRANCHE))
                    .when(fund(FundingStage.OBLIGATED, FMF_TRANCHE))
                    .expectEvents(funded(FundingStage.OBLIGATED, FMF_TRANCHE));
        }

        @Test
        void anObligationBeyondTheAppropriationIsRejected() {
            fixture.given(SIGNED, FY2019_FMF, funded(FundingStage.APPROPRIATED, FMF_TRANCHE))
                    .when(fund(FundingStage.OBLIGATED, FMF_TRANCHE + 1))
                    .expectException(FactRejected.class)
                    .expectNoEvents();
        }

        @Test
        void nothingIsObligatedBeforeItIsAppropriated() {
            fixture.given(SIGNED, FY2019_FMF)
                    .when(fund(FundingStage.OBLIGATED, 1))
                    .expectException(FactRejected.class)
                    .expectExceptionMessage(containsString("when nothing is recorded as appropriated"))
                    .expectNoEvents();
        }

        @Test
        void aDisbursementUpToTheObligationIsRecorded() {
            fixture.given(
                            SIGNED,
                            FY2019_FMF,
                            funded(FundingStage.APPROPRIATED, FMF_TRANCHE),
                            funded(FundingStage.OBLIGATED, 2_000_000_000L))
                    .when(fund(FundingStage.DISBURSED, 2_000_000_000L))
                    .expectEvents(funded(FundingStage.DISBURSED, 2_000_000_000L));
        }

        @Test
        void aDisbursementBeyondTheObligationIsRejected() {
            fixture.given(
                            SIGNED,
                            FY2019_FMF,
                            funded(FundingStage.APPROPRIATED, FMF_TRANCHE),
                            funded(FundingStage.OBLIGATED, 2_000_000_000L))
                    .when(fund(FundingStage.DISBURSED, 2_000_000_001L))
                    .expectException(FactRejected.class)
                    .expectNoEvents();
        }

        @Test
        void anAppropriationBelowWhatIsAlreadyObligatedIsRejected() {
            fixture.given(
                            SIGNED,
                            FY2019_FMF,
                            funded(FundingStage.APPROPRIATED, FMF_TRANCHE),
                            funded(FundingStage.OBLIGATED, 2_000_000_000L))
                    .when(fund(FundingStage.APPROPRIATED, 1_000_000_000L))
                    .expectException(FactRejected.class)
                    .expectNoEvents();
        }

        @Test
        void fundingOutsideTheFiscalYearsIsRejected() {
            fixture.given(SIGNED)
                    .when(new RecordTrancheFunding(
                            MOU_ID, 2018, FundingCategory.FMF, FundingStage.APPROPRIATED, FMF_TRANCHE, PROVENANCE))
                    .expectException(FactRejected.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Amendment {

        private static final LocalDate AMENDED_ON = LocalDate.of(2023, 3, 1);
        private static final String DESCRIPTION = "Moves missile-defense funds between fiscal years";

        @Test
        void anAmendmentIsRecorded() {
            fixture.given(SIGNED)
                    .when(new AmendMou(MOU_ID, AMENDED_ON, " " + DESCRIPTION + " ", PROVENANCE))
                    .expectEvents(new MouAmended(MOU_ID, AMENDED_ON, DESCRIPTION, PROVENANCE));
        }

        @Test
        void theSameAmendmentTwiceRecordsNothing() {
            fixture.given(SIGNED, new MouAmended(MOU_ID, AMENDED_ON, DESCRIPTION, PROVENANCE))
                    .when(new AmendMou(MOU_ID, AMENDED_ON, DESCRIPTION, PROVENANCE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anAmendmentBeforeTheSigningIsRejected() {
            fixture.given(SIGNED)
                    .when(new AmendMou(MOU_ID, SIGNED_ON.minusDays(1), DESCRIPTION, PROVENANCE))
                    .expectException(FactRejected.class)
                    .expectNoEvents();
        }

        @Test
        void anAmendmentThatSaysNothingIsRefused() {
            fixture.given(SIGNED)
                    .when(new AmendMou(MOU_ID, AMENDED_ON, " ", PROVENANCE))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Expiry {

        private static final LocalDate EXPIRED_ON = LocalDate.of(2028, 9, 30);
        private static final MouExpired EXPIRED = new MouExpired(MOU_ID, EXPIRED_ON, PROVENANCE);

        @Test
        void anMouExpires() {
            fixture.given(SIGNED)
                    .when(new RecordMouExpiry(MOU_ID, EXPIRED_ON, PROVENANCE))
                    .expectEvents(EXPIRED);
        }

        @Test
        void theSameExpiryTwiceRecordsNothing() {
            fixture.given(SIGNED, EXPIRED)
                    .when(new RecordMouExpiry(MOU_ID, EXPIRED_ON, PROVENANCE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anExpiredMouCannotExpireAgainOnAnotherDay() {
            fixture.given(SIGNED, EXPIRED)
                    .when(new RecordMouExpiry(MOU_ID, EXPIRED_ON.plusDays(1), PROVENANCE))
                    .expectException(FactRejected.class)
                    .expectExceptionMessage(MOU_ID + " already expired on 2028-09-30")
                    .expectNoEvents();
        }

        @Test
        void anMouCannotExpireOnTheDayItIsSigned() {
            fixture.given(SIGNED)
                    .when(new RecordMouExpiry(MOU_ID, SIGNED_ON, PROVENANCE))
                    .expectException(FactRejected.class)
                    .expectNoEvents();
        }
    }
}
