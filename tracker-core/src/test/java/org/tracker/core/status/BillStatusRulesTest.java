package org.tracker.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.ActionSource;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillStatus;
import org.tracker.core.api.BillType;

/**
 * The rules on hand-built action lists. The texts are copied from the GPO BILLSTATUS fixtures (the file is named at
 * each group); where no fixture has an outcome (a failed vote, an override), the text follows the same fixed form
 * with other numbers.
 */
class BillStatusRulesTest {

    private static final String A_BILL = "A bill to provide for the matter at hand.";

    @Nested
    class CommitteeStage {

        @Test
        void referralMovesIntroducedToReferred() { // 114hjres45
            assertThat(statuses(
                            BillType.HJRES,
                            "Proposing an amendment to the Constitution of the United States to protect the rights"
                                    + " of crime victims.",
                            library("2015-04-16", null, "Introduced in House"),
                            house("2015-04-16", null, "Referred to the House Committee on the Judiciary."),
                            houseCommittee(
                                    "2015-04-17",
                                    "Referred to the Subcommittee on the Constitution and Civil Justice."),
                            houseCommittee("2015-05-01", "Subcommittee Hearings Held.")))
                    .containsExactly("REFERRED");
        }

        @Test
        void orderedReportedMovesReferredToReported() { // 114hr1531
            assertThat(statuses(
                            BillType.HR,
                            A_BILL,
                            house(
                                    "2015-03-23",
                                    null,
                                    "Referred to the House Committee on Oversight and Government Reform."),
                            houseCommittee("2015-03-25", "Committee Consideration and Mark-up Session Held."),
                            houseCommittee("2015-03-25", "Ordered to be Reported by Voice Vote."),
                            house(
                                    "2015-06-25",
                                    null,
                                    "Reported by the Committee on Oversight and Government Reform. H. Rept. 114-182.")))
                    .containsExactly("REFERRED", "REPORTED");
        }

        @Test
        void aSenateCommitteeReportMovesReferredToReported() { // 114s1300
            assertThat(statuses(
                            BillType.S,
                            A_BILL,
                            senate(
                                    "2015-05-12",
                                    "Read twice and referred to the Committee on the Judiciary. (Sponsor introductory"
                                            + " remarks on measure: CR S2798)"),
                            senate(
                                    "2015-07-09",
                                    "Committee on the Judiciary. Reported by Senator Grassley without amendment. Without"
                                            + " written report.")))
                    .containsExactly("REFERRED", "REPORTED");
        }

        @Test
        void anOriginalMeasureIsReportedWithoutReferral() { // 114hr2822, 114sconres11
            assertThat(statuses(
                            BillType.HR,
                            A_BILL,
                            library("2015-06-18", null, "Introduced in House"),
                            house(
                                    "2015-06-18",
                                    null,
                                    "The House Committee on Appropriations reported an original measure, H. Rept."
                                            + " 114-170, by Mr. Calvert."),
                            house("2015-06-18", null, "Placed on the Union Calendar, Calendar No. 125.")))
                    .containsExactly("REPORTED");
            assertThat(statuses(
                            BillType.SCONRES,
                            A_BILL,
                            senate(
                                    "2015-03-20",
                                    "Committee on the Budget. Original measure reported to Senate by Senator Enzi under"
                                            + " authority of the order of the Senate of 03/19/2015. Without written"
                                            + " report.")))
                    .containsExactly("REPORTED");
        }

        /**
         * The shared fixtures' expected statuses never count a discharge as a report (S. 35, S.J.Res. 8, S.Res. 105,
         * H.Con.Res. 70), although the fixtures README lists "discharged" among the movements to REPORTED.
         */
        @Test
        void aCommitteeDischargeLeavesTheStatus() { // 114sjres8
            assertThat(statuses(
                            BillType.SJRES,
                            A_BILL,
                            senate(
                                    "2015-02-09",
                                    "Read twice and referred to the Committee on Health, Education, Labor, and"
                                            + " Pensions."),
                            senate(
                                    "2015-02-23",
                                    "Senate Committee on Health, Education, Labor, and Pensions discharged by petition"
                                            + " pursuant to 5 U.S.C. 802(c). (consideration: CR S1030)"),
                            senate(
                                    "2015-02-23",
                                    "Placed on Senate Legislative Calendar under General Orders. Calendar No. 21.")))
                    .containsExactly("REFERRED");
        }

        @Test
        void theSecondChambersCommitteeChangesNothing() { // 114hr22
            assertThat(statuses(
                            BillType.HR,
                            A_BILL,
                            house("2015-01-06", null, "Referred to the House Committee on Ways and Means."),
                            house(
                                    "2015-01-06",
                                    "18:32",
                                    "On motion to suspend the rules and pass the bill Agreed to by the Yeas and Nays:"
                                            + " (2/3 required): 412 - 0 (Roll no. 7)."),
                            senate("2015-01-08", "Read twice and referred to the Committee on Finance."),
                            senate(
                                    "2015-02-12",
                                    "Committee on Finance. Reported by Senator Hatch without amendment. With written"
                                            + " report No. 114-3.")))
                    .containsExactly("REFERRED", "PASS_OVER:HOUSE");
        }
    }

    @Nested
    class FirstChamber {

        @Test
        void passageSendsTheMeasureToTheOtherChamber() { // 114hr1155, 114s35
            assertThat(statuses(
                            BillType.HR,
                            A_BILL,
                            house(
                                    "2016-01-07",
                                    "17:04",
                                    "On motion to recommit with instructions Failed by recorded vote: 178 - 239 (Roll"
                                            + " no. 19)."),
                            house(
                                    "2016-01-07",
                                    "17:10",
                                    "On passage Passed by recorded vote: 245 - 174 (Roll no. 20).")))
                    .containsExactly("PASS_OVER:HOUSE");
            assertThat(statuses(
                            BillType.S,
                            A_BILL,
                            senate(
                                    "2021-02-12",
                                    "Passed Senate with an amendment by Unanimous Consent. (text of amendment in the "
                                            + " nature of a substitute: CR S694-695)")))
                    .containsExactly("PASS_OVER:SENATE");
        }

        @Test
        void aSimpleResolutionIsDoneWhenItsChamberAgrees() { // 114hres348, 114sres105
            assertThat(statuses(
                            BillType.HRES,
                            A_BILL,
                            house(
                                    "2015-10-20",
                                    "19:15",
                                    "On motion to suspend the rules and agree to the resolution, as amended Agreed to by"
                                            + " the Yeas and Nays: (2/3 required): 413 - 4 (Roll no. 552).")))
                    .containsExactly("PASSED:SIMPLERES");
            assertThat(statuses(
                            BillType.SRES,
                            A_BILL,
                            senate(
                                    "2015-03-27",
                                    "Resolution agreed to in Senate without amendment and with a preamble by Unanimous"
                                            + " Consent.")))
                    .containsExactly("PASSED:SIMPLERES");
        }

        @Test
        void aFailedPassageVoteFailsTheMeasure() {
            assertThat(statuses(
                            BillType.HR,
                            A_BILL,
                            house(
                                    "2016-01-07",
                                    "17:10",
                                    "On passage Failed by recorded vote: 174 - 245 (Roll no. 20).")))
                    .containsExactly("FAIL:ORIGINATING:HOUSE");
            assertThat(statuses(
                            BillType.SJRES,
                            A_BILL,
                            senate(
                                    "2015-03-04",
                                    "Failed of passage in Senate by Yea-Nay Vote. 46 - 53. Record Vote Number: 67.")))
                    .containsExactly("FAIL:ORIGINATING:SENATE");
        }

        @Test
        void aFailedSuspensionProvisionallyKillsTheMeasure() {
            assertThat(statuses(
                            BillType.HR,
                            A_BILL,
                            house(
                                    "2015-01-06",
                                    "18:32",
                                    "On motion to suspend the rules and pass the bill Failed by the Yeas and Nays: (2/3"
                                            + " required): 250 - 171 (Roll no. 7).")))
                    .containsExactly("PROV_KILL:SUSPENSIONFAILED");
        }

        @Test
        void aRuleForConsiderationIsNotPassage() { // 114hr1155
            assertThat(statuses(
                            BillType.HR,
                            A_BILL,
                            house(
                                    "2016-01-05",
                                    "20:43",
                                    "Rules Committee Resolution H. Res. 580 Reported to House. Resolution provides for"
                                            + " consideration of H.R. 712 and H.R. 1155."),
                            house("2016-01-06", "15:57", "Rule H. Res. 580 passed House.")))
                    .isEmpty();
        }

        @Test
        void passageInAListPassedEnBlocCounts() { // 117hr2471
            assertThat(statuses(
                            BillType.HR,
                            A_BILL,
                            house(
                                    "2021-06-29",
                                    "14:14:36",
                                    "Pursuant to section 8 of H. Res. 504, and the motion offered by Mr. McGovern, the"
                                            + " following bills passed under suspension of the rules: H.R. 1500, as"
                                            + " amended; H.R. 2471, as amended; H.R. 3261; H.R. 3283, as amended; and H.R."
                                            + " 3385, as amended.")))
                    .containsExactly("PASS_OVER:HOUSE");
        }
    }

    @Nested
    class SecondChamber {

        @Test
        void agreementWithoutAmendmentPassesAConcurrentResolution() { // 114hconres70
            assertThat(statuses(
                            BillType.HCONRES,
                            A_BILL,
                            house(
                                    "2015-09-08",
                                    "18:59",
                                    "On agreeing to the resolution Agreed to without objection. (text: CR H5806)"),
                            senate(
                                    "2015-09-16",
                                    "Resolution agreed to in Senate without amendment by Unanimous Consent."
                                            + " (consideration: CR S6765)")))
                    .containsExactly("PASS_OVER:HOUSE", "PASSED:CONCURRENTRES");
        }

        @Test
        void passageWithoutAmendmentPassesABill() { // 114s1300
            assertThat(statuses(
                            BillType.S,
                            A_BILL,
                            senate("2015-07-14", "Passed Senate without amendment by Unanimous Consent."),
                            house(
                                    "2015-10-06",
                                    "17:47",
                                    "On motion to suspend the rules and pass the bill Agreed to by voice vote. (text: CR"
                                            + " H6815-6816)")))
                    .containsExactly("PASS_OVER:SENATE", "PASSED:BILL");
        }

        @Test
        void aJointResolutionProposingAConstitutionalAmendmentPassesAsOne() { // title of 114hjres45
            assertThat(
                            statuses(
                                    BillType.HJRES,
                                    "Proposing an amendment to the Constitution of the United States to protect the rights"
                                            + " of crime victims.",
                                    house(
                                            "2015-06-01",
                                            "17:10",
                                            "On passage Passed by the Yeas and Nays: 300 - 110 (Roll no. 300)."),
                                    senate(
                                            "2015-07-01",
                                            "Passed Senate without amendment by Yea-Nay Vote. 70 - 29. Record Vote Number: 99.")))
                    .containsExactly("PASS_OVER:HOUSE", "PASSED:CONSTAMEND");
        }

        @Test
        void amendmentsPassTheMeasureBackAndForthUntilOneChamberAgrees() { // 114hr1314
            assertThat(statuses(
                            BillType.HR,
                            A_BILL,
                            house(
                                    "2015-04-15",
                                    "14:32",
                                    "On motion to suspend the rules and pass the bill, as amended Agreed to by voice"
                                            + " vote."),
                            senate(
                                    "2015-05-22",
                                    "Passed Senate with an amendment by Yea-Nay Vote. 62 - 37. Record Vote Number: 193."),
                            house(
                                    "2015-06-12",
                                    "13:48",
                                    "On motion to concur in portion of Senate adt comprising title II (except sec 212)"
                                            + " Failed by recorded vote: 126 - 302 (Roll no. 361)."),
                            house(
                                    "2015-10-28",
                                    "17:22",
                                    "On motion that the House agree with an amendment to the Senate amendment Agreed to"
                                            + " by the Yeas and Nays: 266 - 167 (Roll No. 579)."),
                            senate(
                                    "2015-10-30",
                                    "Senate agreed to the House amendment to the Senate amendment to H.R. 1314 by Yea-Nay"
                                            + " Vote. 64 - 35. Record Vote Number: 294.")))
                    .containsExactly("PASS_OVER:HOUSE", "PASS_BACK:SENATE", "PASS_BACK:HOUSE", "PASSED:BILL");
        }

        @Test
        void refusingTheOtherChambersAmendmentProvisionallyKillsTheMeasure() { // form of 114hr3762
            assertThat(statuses(
                            BillType.HR,
                            A_BILL,
                            house(
                                    "2015-10-23",
                                    "11:58",
                                    "On passage Passed by recorded vote: 240 - 189 (Roll no. 568)."),
                            senate(
                                    "2015-12-03",
                                    "Passed Senate with an amendment by Yea-Nay Vote. 52 - 47. Record Vote Number: 329."),
                            house(
                                    "2016-01-06",
                                    "17:54",
                                    "On motion that the House agree to the Senate amendment Failed by the Yeas and Nays:"
                                            + " 181 - 240 (Roll no. 6).")))
                    .containsExactly("PASS_OVER:HOUSE", "PASS_BACK:SENATE", "PROV_KILL:PINGPONGFAIL");
        }

        @Test
        void aFailedClotureVoteProvisionallyKillsTheMeasureUntilItPasses() { // 114hr22
            assertThat(statuses(
                            BillType.HR,
                            A_BILL,
                            house(
                                    "2015-01-06",
                                    "18:32",
                                    "On motion to suspend the rules and pass the bill Agreed to by the Yeas and Nays:"
                                            + " (2/3 required): 412 - 0 (Roll no. 7)."),
                            senate(
                                    "2015-07-21",
                                    "Cloture on the motion to proceed to the measure not invoked in Senate by Yea-Nay"
                                            + " Vote. 41 - 56. Record Vote Number: 250."),
                            senate(
                                    "2015-07-22",
                                    "Upon reconsideration, cloture on the motion to proceed to the measure invoked in"
                                            + " Senate by Yea-Nay Vote. 62 - 36. Record Vote Number: 251."),
                            senate(
                                    "2015-07-29",
                                    "Cloture on the measure invoked in Senate by Yea-Nay Vote. 65 - 35. Record Vote"
                                            + " Number: 259."),
                            senate(
                                    "2015-07-30",
                                    "Passed Senate with an amendment and an amendment to the Title by Yea-Nay Vote. 65 -"
                                            + " 34. Record Vote Number: 260.")))
                    .containsExactly("PASS_OVER:HOUSE", "PROV_KILL:CLOTUREFAILED", "PASS_BACK:SENATE");
        }

        @Test
        void clotureFailingOnAnAmendmentLeavesTheMeasure() {
            assertThat(statuses(
                            BillType.S,
                            A_BILL,
                            senate("2015-05-12", "Read twice and referred to the Committee on Finance."),
                            senate(
                                    "2015-06-12",
                                    "Cloture on amendment SA 1569 not invoked in Senate by Yea-Nay Vote. 56 - 40. Record"
                                            + " Vote Number: 210.")))
                    .containsExactly("REFERRED");
        }
    }

    @Nested
    class Conference {

        private final List<BillAction> hr22 = List.of(
                house(
                        "2015-01-06",
                        "18:32",
                        "On motion to suspend the rules and pass the bill Agreed to by the Yeas and Nays: (2/3"
                                + " required): 412 - 0 (Roll no. 7)."),
                senate(
                        "2015-07-30",
                        "Passed Senate with an amendment and an amendment to the Title by Yea-Nay Vote. 65 - 34. Record"
                                + " Vote Number: 260."),
                house(
                        "2015-11-05",
                        "11:07",
                        "On motion that the House agree with an amendment to the Senate amendments, insist upon its"
                                + " amendment to the Senate amendments, and request a conference Agreed to by recorded"
                                + " vote: 371 - 54 (Roll No. 624)."),
                senate(
                        "2015-11-10",
                        "Senate disagrees to the House amendment to the Senate amendment, agrees to the request for"
                                + " conference, and authorizes the Presiding Officer to appoint conferees."),
                house(
                        "2015-12-03",
                        "13:25",
                        "On agreeing to the conference report Agreed to by the Yeas and Nays: 359 - 65 (Roll no. 673)."
                                + " (consideration: CR H8999)"),
                library(
                        "2015-12-03",
                        "21:02",
                        "Conference report agreed to in Senate: Senate agreed to conference report, under the order of"
                                + " 12/3/2015, having achieved 60 votes in the affirmative, by Yea-Nay Vote. 83 - 16."
                                + " Record Vote Number: 331."),
                senate(
                        "2015-12-03",
                        "Senate agreed to conference report, under the order of 12/3/2015, having achieved 60 votes in"
                                + " the affirmative, by Yea-Nay Vote. 83 - 16. Record Vote Number: 331."),
                house("2015-12-04", null, "Signed by President."));

        @Test
        void theFirstChamberToAgreeToTheReportWaitsForTheSecond() { // 114hr22
            assertThat(statuses(BillType.HR, A_BILL, hr22.toArray(BillAction[]::new)))
                    .containsExactly(
                            "PASS_OVER:HOUSE",
                            "PASS_BACK:SENATE",
                            "CONFERENCE:PASSED:HOUSE",
                            "PASSED:BILL",
                            "ENACTED:SIGNED");
        }

        @Test
        void sameDayAgreementsAreOrderedByTheLibrarysTimeInAnyInputOrder() { // 114hr22
            List<BillAction> reversed = new ArrayList<>(hr22);
            Collections.reverse(reversed);

            assertThat(BillStatusRules.transitions(BillType.HR, A_BILL, reversed))
                    .isEqualTo(BillStatusRules.transitions(BillType.HR, A_BILL, hr22));
        }

        @Test
        void passingWithAnAmendmentAndAskingForAConferenceIsNoPassBack() { // 114sconres11
            assertThat(statuses(
                            BillType.SCONRES,
                            A_BILL,
                            senate(
                                    "2015-03-27",
                                    "Resolution agreed to in Senate with amendments by Yea-Nay Vote. 52 - 46. Record"
                                            + " Vote Number: 135."),
                            house(
                                    "2015-04-14",
                                    "13:55",
                                    "On agreeing to the resolution, as amended Agreed to pursuant to H. Res. 189."),
                            house(
                                    "2015-04-14",
                                    "13:56",
                                    "On motion that the House insist upon its amendment, and request a conference Agreed"
                                            + " to by voice vote. (consideration: CR H2177)"),
                            house(
                                    "2015-04-30",
                                    "18:16",
                                    "On agreeing to the conference report Agreed to by the Yeas and Nays: 226 - 197 (Roll"
                                            + " no. 183)."),
                            senate(
                                    "2015-05-05",
                                    "Senate agreed to conference report by Yea-Nay Vote. 51 - 48. Record Vote Number:"
                                            + " 171.")))
                    .containsExactly("PASS_OVER:SENATE", "CONFERENCE:PASSED:HOUSE", "PASSED:CONCURRENTRES");
        }
    }

    @Nested
    class President {

        private final BillAction[] sjres8ToPresident = {
            senate("2015-02-09", "Read twice and referred to the Committee on Health, Education, Labor, and Pensions."),
            senate("2015-03-04", "Passed Senate without amendment by Yea-Nay Vote. 53 - 46. Record Vote Number: 67."),
            house("2015-03-19", "12:09", "On passage Passed by the Yeas and Nays: 232 - 186 (Roll no. 128)."),
            house("2015-03-27", null, "Presented to President.")
        };

        @Test
        void signingEnactsAndBecomingLawAfterwardChangesNothing() { // 114hr1531
            assertThat(statuses(
                            BillType.HR,
                            A_BILL,
                            house(
                                    "2015-07-07",
                                    "14:44",
                                    "On motion to suspend the rules and pass the bill Agreed to by voice vote."),
                            senate("2015-08-05", "Passed Senate without amendment by Unanimous Consent."),
                            house("2015-08-06", null, "Presented to President."),
                            house("2015-08-07", null, "Signed by President."),
                            house("2015-08-07", null, "Became Public Law No: 114-47.")))
                    .containsExactly("PASS_OVER:HOUSE", "PASSED:BILL", "ENACTED:SIGNED");
        }

        @Test
        void aVetoProvisionallyKillsAndATabledVetoMessageChangesNothing() { // 114sjres8
            assertThat(statuses(
                            BillType.SJRES,
                            A_BILL,
                            with(
                                    sjres8ToPresident,
                                    house("2015-03-31", null, "Vetoed by President."),
                                    senate(
                                            "2015-05-05",
                                            "Motion to table the veto message to accompany S. J. Res. 8 agreed to in"
                                                    + " Senate by Yea-Nay Vote. 96 - 3. Record Vote Number: 172."))))
                    .containsExactly("REFERRED", "PASS_OVER:SENATE", "PASSED:BILL", "PROV_KILL:VETO");
        }

        @Test
        void overridingInBothChambersEnacts() {
            assertThat(statuses(
                            BillType.SJRES,
                            A_BILL,
                            with(
                                    sjres8ToPresident,
                                    house("2015-03-31", null, "Vetoed by President."),
                                    senate(
                                            "2015-05-05",
                                            "Passed Senate over veto by Yea-Nay Vote. 75 - 20. Record Vote Number: 172."),
                                    house(
                                            "2015-05-12",
                                            "15:00",
                                            "On passage, the objections of the President to the contrary notwithstanding"
                                                    + " Passed by the Yeas and Nays: (2/3 required): 300 - 120 (Roll no."
                                                    + " 200)."),
                                    house("2015-05-13", null, "Became Public Law No: 114-50."))))
                    .containsExactly(
                            "REFERRED",
                            "PASS_OVER:SENATE",
                            "PASSED:BILL",
                            "PROV_KILL:VETO",
                            "VETOED:OVERRIDE_PASS_OVER:SENATE",
                            "ENACTED:VETO_OVERRIDE");
        }

        @Test
        void anOverrideFailsInTheChamberThatVotesOnIt() {
            assertThat(statuses(
                            BillType.SJRES,
                            A_BILL,
                            with(
                                    sjres8ToPresident,
                                    house("2015-03-31", null, "Vetoed by President."),
                                    senate(
                                            "2015-05-05",
                                            "Failed of passage in Senate over veto by Yea-Nay Vote. 54 - 45. Record Vote"
                                                    + " Number: 172."))))
                    .endsWith("PROV_KILL:VETO", "VETOED:OVERRIDE_FAIL_ORIGINATING:SENATE");
            assertThat(statuses(
                            BillType.SJRES,
                            A_BILL,
                            with(
                                    sjres8ToPresident,
                                    house("2015-03-31", null, "Vetoed by President."),
                                    senate(
                                            "2015-05-05",
                                            "Passed Senate over veto by Yea-Nay Vote. 75 - 20. Record Vote Number: 172."),
                                    house(
                                            "2015-05-12",
                                            "15:00",
                                            "On passage, the objections of the President to the contrary notwithstanding"
                                                    + " Failed by the Yeas and Nays: (2/3 required): 241 - 186 (Roll no."
                                                    + " 63)."))))
                    .endsWith("VETOED:OVERRIDE_PASS_OVER:SENATE", "VETOED:OVERRIDE_FAIL_SECOND:HOUSE");
        }

        @Test
        void aPocketVetoEndsTheMeasure() {
            assertThat(statuses(
                            BillType.SJRES,
                            A_BILL,
                            with(sjres8ToPresident, house("2015-04-08", null, "Pocket Vetoed by President."))))
                    .endsWith("PASSED:BILL", "VETOED:POCKET");
        }

        @Test
        void becomingLawUnsignedIsTheTenDayRule() {
            assertThat(statuses(
                            BillType.SJRES,
                            A_BILL,
                            with(sjres8ToPresident, house("2015-04-09", null, "Became Public Law No: 114-20."))))
                    .endsWith("PASSED:BILL", "ENACTED:TENDAYRULE");
        }
    }

    @Nested
    class RecordKeeping {

        /** 117s35 as its 3.0.0 file lists it, newest first, Library of Congress repeats included. */
        private final List<BillAction> s35 = List.of(
                house("2021-02-18", "12:34:00", "Held at the desk."),
                house("2021-02-18", "12:33:13", "Received in the House."),
                senate("2021-02-16", "Message on Senate action sent to the House."),
                senate(
                        "2021-02-12",
                        "Passed Senate with an amendment by Unanimous Consent. (text of amendment in the  nature of a"
                                + " substitute: CR S694-695)"),
                library(
                        "2021-02-12",
                        null,
                        "Passed/agreed to in Senate: Passed Senate with an amendment by Unanimous Consent.(text of"
                                + " amendment in the  nature of a substitute: CR S694-695)"),
                senate("2021-02-12", "Measure laid before Senate by unanimous consent. (consideration: CR S694-695)"),
                senate(
                        "2021-02-12",
                        "Senate Committee on Banking, Housing, and Urban Affairs discharged by Unanimous Consent."),
                library(
                        "2021-02-12",
                        null,
                        "Senate Committee on Banking, Housing, and Urban Affairs discharged by Unanimous Consent."),
                senate(
                        "2021-01-22",
                        "Read twice and referred to the Committee on Banking, Housing, and Urban Affairs."),
                library("2021-01-22", null, "Introduced in Senate"));

        @Test
        void theLibraryOfCongressRepeatCountsOnce() {
            List<StatusTransition> moves = BillStatusRules.transitions(BillType.S, A_BILL, s35);

            assertThat(moves)
                    .extracting(StatusTransition::status)
                    .containsExactly(BillStatus.REFERRED, BillStatus.PASS_OVER_SENATE);
            assertThat(moves.get(1).becauseOf()).startsWith("Passed Senate with an amendment");
        }

        @Test
        void aLibraryRepeatOfAPingPongVoteDoesNotSendTheMeasureBackAgain() { // 114hr1314, the Senate a day early
            assertThat(statuses(
                            BillType.HR,
                            A_BILL,
                            house(
                                    "2015-04-15",
                                    "14:32",
                                    "On motion to suspend the rules and pass the bill Agreed to by voice vote."),
                            senate(
                                    "2015-05-22",
                                    "Passed Senate with an amendment by Yea-Nay Vote. 62 - 37. Record Vote Number: 193."),
                            house(
                                    "2015-10-28",
                                    "17:22",
                                    "On motion that the House agree with an amendment to the Senate amendment Agreed to"
                                            + " by the Yeas and Nays: 266 - 167 (Roll No. 579). (text as House agreed to"
                                            + " Senate amendment with amendment: CR H7273-7302)"),
                            library(
                                    "2015-10-28",
                                    null,
                                    "Resolving differences -- House actions: On motion that the House agree with an"
                                            + " amendment to the Senate amendment Agreed to by the Yeas and Nays: 266 -"
                                            + " 167 (Roll No. 579)."),
                            senate(
                                    "2015-10-28",
                                    "Senate agreed to the House amendment to the Senate amendment to H.R. 1314 by Yea-Nay"
                                            + " Vote. 64 - 35. Record Vote Number: 294.")))
                    .containsExactly("PASS_OVER:HOUSE", "PASS_BACK:SENATE", "PASS_BACK:HOUSE", "PASSED:BILL");
        }

        @Test
        void theResultDoesNotDependOnTheOrderTheActionsCameIn() {
            List<StatusTransition> asListed = BillStatusRules.transitions(BillType.S, A_BILL, s35);
            Random shuffler = new Random(35);
            for (int attempt = 0; attempt < 20; attempt++) {
                List<BillAction> shuffled = new ArrayList<>(s35);
                Collections.shuffle(shuffled, shuffler);

                assertThat(BillStatusRules.transitions(BillType.S, A_BILL, shuffled))
                        .isEqualTo(asListed);
            }
        }

        @Test
        void introductionReferralAndPassageOfOneDayKeepTheirOrder() { // 114hr22, newest first as in the file
            assertThat(statuses(
                            BillType.HR,
                            A_BILL,
                            house(
                                    "2015-01-06",
                                    "18:32",
                                    "On motion to suspend the rules and pass the bill Agreed to by the Yeas and Nays:"
                                            + " (2/3 required): 412 - 0 (Roll no. 7)."),
                            house("2015-01-06", "17:35", "Considered under suspension of the rules."),
                            house("2015-01-06", null, "Referred to the House Committee on Ways and Means."),
                            library("2015-01-06", null, "Introduced in House")))
                    .containsExactly("REFERRED", "PASS_OVER:HOUSE");
        }

        @Test
        void theMessageToTheOtherChamberComesAfterThePassageItReports() { // 114sjres8
            assertThat(BillStatusRules.transitions(
                            BillType.SJRES,
                            A_BILL,
                            List.of(
                                    senate("2015-03-04", "Message on Senate action sent to the House."),
                                    house("2015-03-04", "13:45", "Received in the House."),
                                    senate(
                                            "2015-03-04",
                                            "Passed Senate without amendment by Yea-Nay Vote. 53 - 46. Record Vote Number:"
                                                    + " 67."))))
                    .singleElement()
                    .satisfies(move -> assertThat(move.becauseOf()).startsWith("Passed Senate"));
        }

        @Test
        void aFailedSenateMotionToDischargeAJointResolutionChangesNoStatus() {
            assertThat(statuses(
                            BillType.SJRES,
                            "A joint resolution providing for congressional disapproval of the proposed foreign"
                                    + " military sale to the Government of Israel of certain defense articles.",
                            senate("2024-09-25", "Read twice and referred to the Committee on Foreign Relations."),
                            senate(
                                    "2024-11-20",
                                    "Motion to discharge Senate Committee on Foreign Relations made in Senate."),
                            senate(
                                    "2024-11-20",
                                    "Motion to discharge Senate Committee on Foreign Relations rejected in Senate by"
                                            + " Yea-Nay Vote. 18 - 79. Record Vote Number: 300.")))
                    .containsExactly("REFERRED");
        }

        @Test
        void hearingsAndMotionsToTableChangeNothing() { // 114s469; the Senate on S.J.Res. 39 of the 114th
            assertThat(statuses(
                            BillType.S,
                            A_BILL,
                            senate("2015-02-11", "Read twice and referred to the Committee on Veterans' Affairs."),
                            senate("2015-06-24", "Committee on Veterans' Affairs. Hearings held."),
                            senate(
                                    "2015-07-01",
                                    "Motion to table the motion to discharge Committee on Foreign Relations agreed to in"
                                            + " Senate by Yea-Nay Vote. 71 - 27. Record Vote Number: 141.")))
                    .containsExactly("REFERRED");
        }

        @Test
        void withoutActionsAMeasureStaysIntroduced() {
            assertThat(BillStatusRules.current(BillType.HR, A_BILL, List.of())).isEqualTo(BillStatus.INTRODUCED);
            assertThat(BillStatusRules.transitions(BillType.HR, A_BILL, List.of()))
                    .isEmpty();
        }
    }

    private static List<String> statuses(BillType type, String title, BillAction... actions) {
        List<String> codes = BillStatusRules.transitions(type, title, List.of(actions)).stream()
                .map(move -> move.status().code())
                .toList();
        assertThat(BillStatusRules.current(type, title, List.of(actions)).code())
                .isEqualTo(codes.isEmpty() ? "INTRODUCED" : codes.get(codes.size() - 1));
        return codes;
    }

    private static BillAction[] with(BillAction[] before, BillAction... after) {
        List<BillAction> all = new ArrayList<>(List.of(before));
        all.addAll(List.of(after));
        return all.toArray(BillAction[]::new);
    }

    private static BillAction house(String date, String time, String text) {
        return action(date, time, text, ActionSource.HOUSE_FLOOR);
    }

    private static BillAction houseCommittee(String date, String text) {
        return action(date, null, text, ActionSource.HOUSE_COMMITTEE);
    }

    private static BillAction senate(String date, String text) {
        return action(date, null, text, ActionSource.SENATE);
    }

    private static BillAction library(String date, String time, String text) {
        return action(date, time, text, ActionSource.LIBRARY_OF_CONGRESS);
    }

    private static BillAction action(String date, String time, String text, ActionSource source) {
        return new BillAction(
                LocalDate.parse(date),
                time == null ? null : LocalTime.parse(time),
                text,
                null,
                null,
                source,
                List.of(),
                null);
    }
}
