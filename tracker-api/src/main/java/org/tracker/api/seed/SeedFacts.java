package org.tracker.api.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tracker.core.api.ActionSource;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.Chamber;
import org.tracker.core.api.CongressTime;
import org.tracker.core.api.FileDisapprovalResolution;
import org.tracker.core.api.FundingCategory;
import org.tracker.core.api.IntroduceBill;
import org.tracker.core.api.MandateReport;
import org.tracker.core.api.Member;
import org.tracker.core.api.NotifyArmsSale;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.RecordBillAction;
import org.tracker.core.api.RecordRollCallVote;
import org.tracker.core.api.RecordWaiverProvision;
import org.tracker.core.api.ReportKind;
import org.tracker.core.api.ScheduleTranche;
import org.tracker.core.api.SignMou;
import org.tracker.core.api.SubmitReport;
import org.tracker.core.api.VoteCategory;
import org.tracker.core.api.VoteId;
import org.tracker.core.api.VoteTotals;
import org.tracker.core.api.WaiverStatute;

/** The seed set, as the commands that record it, in the order they must be sent. */
final class SeedFacts {

    private static final String SEEDER = "seed";

    private static final Member SANDERS = new Member("S000033", "Bernard Sanders", "I", "VT");
    private static final String DISAPPROVAL_OF_SALE = "A joint resolution providing for congressional disapproval of"
            + " the proposed foreign military sale to the Government of Israel of certain defense articles and"
            + " services.";
    private static final String REFERRED_TO_SFRC = "Read twice and referred to the Committee on Foreign Relations.";

    private final Instant recordedAt;
    private final List<Object> commands = new ArrayList<>();

    private SeedFacts(Instant recordedAt) {
        this.recordedAt = recordedAt;
    }

    static List<Object> all(Instant recordedAt) {
        SeedFacts seed = new SeedFacts(recordedAt);
        seed.defensePartnershipAct();
        seed.ceasefireComplianceAct();
        seed.israelSecurityAssistanceSupportAct();
        seed.disapprovalResolutions2024();
        seed.disapprovalResolutions2025();
        seed.waiverProvisions();
        seed.memorandumOfUnderstanding2016();
        seed.nsm20Report();
        return List.copyOf(seed.commands);
    }

    private void defensePartnershipAct() {
        String title = "United States-Israel Defense Partnership Act of 2025";
        String house = "https://www.govinfo.gov/app/details/BILLS-119hr1229ih";
        String senate = "https://www.congress.gov/bill/119th-congress/senate-bill/554";
        introduce("hr1229-119", title, "2025-02-12", new Member("W000795", "Joe Wilson", "R", "SC"), house);
        introduce("s554-119", title, "2025-02-12", new Member("S001198", "Dan Sullivan", "R", "AK"), senate);
    }

    private void ceasefireComplianceAct() {
        String source = "https://www.govinfo.gov/metadata/pkg/BILLS-119hr7645ih/mods.xml";
        introduce(
                "hr7645-119",
                "Ceasefire Compliance Act of 2026",
                "2026-02-23",
                new Member("C001117", "Sean Casten", "D", "IL"),
                source);
        action(
                "hr7645-119",
                "2026-02-23",
                "Referred to the House Committee on Foreign Affairs.",
                "IntroReferral",
                "H11100",
                ActionSource.HOUSE_FLOOR,
                source);
    }

    private void israelSecurityAssistanceSupportAct() {
        String source = "https://www.congress.gov/118/bills/hr8369/BILLS-118hr8369pcs.htm";
        String record = "https://congress.gov/118/crec/2024/05/16/170/85/modified/CREC-2024-05-16-pt1-PgH3287.htm";
        introduce(
                "hr8369-118",
                "Israel Security Assistance Support Act",
                "2024-05-14",
                new Member("C000059", "Ken Calvert", "R", "CA"),
                source);
        action(
                "hr8369-118",
                "2024-05-16",
                "On passage Passed by the Yeas and Nays: 224 - 187.",
                "Floor",
                null,
                ActionSource.HOUSE_FLOOR,
                record);
        action(
                "hr8369-118",
                "2024-05-20",
                "Received in the Senate.",
                "IntroReferral",
                null,
                ActionSource.SENATE,
                source);
        action(
                "hr8369-118",
                "2024-05-21",
                "Read the second time. Placed on Senate Legislative Calendar under General Orders. Calendar No. 398.",
                "Calendars",
                null,
                ActionSource.SENATE,
                source);
    }

    private void disapprovalResolutions2024() {
        String record = "https://www.govinfo.gov/content/pkg/CREC-2024-11-20/html/CREC-2024-11-20-pt1-PgS6653-2.htm";
        String[][] resolutions = {
            // id, roll number, yeas, nays, present, not voting, vote source
            {"sjres111-118", "292", "18", "79", "1", "2", "https://kiche.us/vote/118-senate-2-292"},
            {"sjres113-118", "293", "19", "78", null, null, "https://kiche.us/vote/118-senate-2-293"},
            {"sjres115-118", "294", "17", "80", "1", "2", "https://kiche.us/vote/118-senate-2-294"},
        };
        for (String[] r : resolutions) {
            String id = r[0];
            introduce(
                    id,
                    DISAPPROVAL_OF_SALE,
                    "2024-09-25",
                    SANDERS,
                    "https://www.congress.gov/bill/118th-congress/" + "senate-joint-resolution/"
                            + id.substring(5, id.indexOf('-')));
            action(id, "2024-09-25", REFERRED_TO_SFRC, "IntroReferral", null, ActionSource.SENATE, record);
            action(
                    id,
                    "2024-11-20",
                    "Motion to discharge Senate Committee on Foreign Relations rejected in Senate by"
                            + " Yea-Nay Vote. " + r[2] + " - " + r[3] + ". Record Vote Number: " + r[1] + ".",
                    "Floor",
                    null,
                    ActionSource.SENATE,
                    record);
            if (r[4] != null) {
                int roll = Integer.parseInt(r[1]);
                commands.add(new RecordRollCallVote(
                        VoteId.of(Chamber.SENATE, 118, 2, roll),
                        Chamber.SENATE,
                        118,
                        2,
                        roll,
                        LocalDate.parse("2024-11-20"),
                        null,
                        "On the Motion to Discharge (S.J.Res. " + id.substring(5, id.indexOf('-')) + ")",
                        VoteCategory.MOTION_TO_DISCHARGE,
                        "Motion to Discharge Rejected",
                        new VoteTotals(
                                Integer.parseInt(r[2]),
                                Integer.parseInt(r[3]),
                                Integer.parseInt(r[4]),
                                Integer.parseInt(r[5])),
                        List.of(),
                        id,
                        provenance("2024-11-20", r[6])));
            }
        }
    }

    private void disapprovalResolutions2025() {
        String april = "https://www.govinfo.gov/content/pkg/CREC-2025-04-03/html/CREC-2025-04-03-pt1-PgS2152.htm";
        String july = "https://responsiblestatecraft.org/sanders-gaza";
        introduce(
                "sjres26-119",
                "A joint resolution providing for congressional disapproval of the proposed foreign"
                        + " military sale to Israel of certain defense articles and services.",
                "2025-02-25",
                SANDERS,
                "https://usbills.ai/bills/s-j-res-26-providing-for-congressional-disapproval-of-the-proposed-foreign-is");
        introduce(
                "sjres33-119",
                DISAPPROVAL_OF_SALE,
                "2025-03-10",
                SANDERS,
                "https://legistrack.vercel.app/bills/cmhf7vwpw00urvgqgzkuruduu");
        introduce(
                "sjres41-119",
                "A joint resolution providing for congressional disapproval of the proposed export of"
                        + " certain defense articles to Israel.",
                "2025-03-27",
                SANDERS,
                "https://policybrief.co/legislation/sjres41-119");
        for (String id : List.of("sjres26-119", "sjres33-119", "sjres41-119")) {
            action(id, date(id), REFERRED_TO_SFRC, "IntroReferral", null, ActionSource.SENATE, april);
        }
        discharge("sjres33-119", "2025-04-03", "15 - 82", april);
        discharge("sjres26-119", "2025-04-03", "15 - 83", april);
        discharge("sjres41-119", "2025-07-30", "27 - 70", july);

        String transmittal = "https://legistrack.vercel.app/bills/cmhf7vwpw00urvgqgzkuruduu";
        commands.add(new NotifyArmsSale(
                "armssale-25-34",
                "25-34",
                "Israel",
                "35,529 MK 84 or BLU-117 bomb bodies and 4,000 I-2000 penetrator warheads",
                2_040_000_000L,
                LocalDate.parse("2025-03-03"),
                provenance("2025-03-03", transmittal)));
        commands.add(
                new FileDisapprovalResolution("armssale-25-34", "sjres33-119", provenance("2025-03-10", transmittal)));
    }

    private String date(String resolutionId) {
        return switch (resolutionId) {
            case "sjres26-119" -> "2025-02-25";
            case "sjres33-119" -> "2025-03-10";
            default -> "2025-03-27";
        };
    }

    private void discharge(String id, String on, String tally, String source) {
        action(
                id,
                on,
                "Motion to discharge Senate Committee on Foreign Relations rejected in Senate by Yea-Nay Vote. " + tally
                        + ".",
                "Floor",
                null,
                ActionSource.SENATE,
                source);
    }

    private void waiverProvisions() {
        commands.add(new RecordWaiverProvision(
                "waiver-faa620i",
                WaiverStatute.FAA_620I,
                "22 U.S.C. 2378-1(b)",
                "FAA §620I national-security waiver",
                "No assistance under the Foreign Assistance Act or the Arms Export Control Act to a country whose"
                        + " government restricts the transport or delivery of US humanitarian assistance, unless the"
                        + " President determines that furnishing it is in the national security interest and first"
                        + " notifies the committees.",
                provenance("1996-09-30", "https://www.law.cornell.edu/uscode/text/22/2378-1")));
        commands.add(new RecordWaiverProvision(
                "waiver-faa620m",
                WaiverStatute.FAA_620M,
                "22 U.S.C. 2378d(b)",
                "State Department Leahy law (FAA §620M) exception",
                "No assistance to a unit of a foreign security force if the Secretary of State has credible information"
                        + " that it committed a gross violation of human rights, except where the Secretary reports"
                        + " that the government is taking effective steps to bring those responsible to justice.",
                provenance("2011-12-23", "https://www.law.cornell.edu/uscode/text/22/2378d")));
        commands.add(new RecordWaiverProvision(
                "waiver-10usc362",
                WaiverStatute.USC10_362,
                "10 U.S.C. 362(b)-(c)",
                "Defense Department Leahy law waiver and exception",
                "No Defense Department funds for a foreign security force unit with credible information of a gross"
                        + " violation of human rights, except after corrective steps or for emergencies, or under a"
                        + " waiver by the Secretary of Defense in extraordinary circumstances.",
                provenance("2016-12-23", "https://www.law.cornell.edu/uscode/text/10/362")));
    }

    private void memorandumOfUnderstanding2016() {
        String source = "https://www.everycrsreport.com/reports/RL33222.html";
        commands.add(new SignMou(
                "mou-2016",
                "US-Israel Memorandum of Understanding on military assistance, FY2019-FY2028",
                LocalDate.parse("2016-09-14"),
                2019,
                2028,
                Map.of(FundingCategory.FMF, 33_000_000_000L, FundingCategory.MISSILE_DEFENSE, 5_000_000_000L),
                provenance("2016-09-14", source)));
        for (int year = 2019; year <= 2028; year++) {
            // The MoU phases offshore procurement out; only FY2019's share is on record here, so the others are
            // left unknown rather than guessed.
            Long offshore = year == 2019 ? 815_300_000L : null;
            commands.add(new ScheduleTranche(
                    "mou-2016", year, FundingCategory.FMF, 3_300_000_000L, offshore, provenance("2016-09-14", source)));
            commands.add(new ScheduleTranche(
                    "mou-2016",
                    year,
                    FundingCategory.MISSILE_DEFENSE,
                    500_000_000L,
                    null,
                    provenance("2016-09-14", source)));
        }
    }

    private void nsm20Report() {
        String source = "https://www.justsecurity.org/95583/israel-weapons-hamas-us-report-takeaways/";
        commands.add(new MandateReport(
                "report-nsm20-2024-05",
                ReportKind.REPORT,
                "Report to Congress under NSM-20 on assurances by recipients of US defense articles",
                "NSM-20",
                "Congress",
                LocalDate.parse("2024-05-08"),
                provenance("2024-02-08", source)));
        commands.add(new SubmitReport(
                "report-nsm20-2024-05", LocalDate.parse("2024-05-10"), null, provenance("2024-05-10", source)));
    }

    private void introduce(String billId, String title, String on, Member sponsor, String source) {
        commands.add(new IntroduceBill(billId, title, LocalDate.parse(on), sponsor, provenance(on, source)));
    }

    private void action(
            String billId, String on, String text, String type, String code, ActionSource by, String source) {
        commands.add(new RecordBillAction(
                billId,
                new BillAction(LocalDate.parse(on), null, text, type, code, by, List.of(), null),
                provenance(on, source)));
    }

    private Provenance provenance(String effectiveOn, String url) {
        return new Provenance(CongressTime.startOf(LocalDate.parse(effectiveOn)), recordedAt, "seed:" + url, SEEDER);
    }
}
