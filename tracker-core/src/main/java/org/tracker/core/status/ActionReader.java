package org.tracker.core.status;

import static java.util.regex.Pattern.CASE_INSENSITIVE;
import static java.util.regex.Pattern.DOTALL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tracker.core.api.ActionSource;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillType;
import org.tracker.core.api.Chamber;
import org.tracker.core.status.ActionReading.Decision;
import org.tracker.core.status.ActionReading.Stage;

/**
 * Reads what an action decided from its text. The clerks write actions in a small set of fixed forms ("On passage
 * Passed by recorded vote: ...", "Passed Senate with an amendment by Unanimous Consent."), so the forms are matched at
 * the start of the text: a form found in the middle is usually quoted by another motion ("Motion to table the veto
 * message ... agreed to in Senate") and decides nothing about the measure.
 */
final class ActionReader {

    private static final Pattern CITATION = Pattern.compile("\\s*\\([^()]*:[^()]*\\)");

    /** The House records each decided question as "On [question] [result] by [how]". */
    private static final Pattern HOUSE_VOTE =
            Pattern.compile("^On (.+?),? (Not Agreed to|Agreed to|Passed|Failed|Rejected)\\b");

    private static final Pattern HOUSE_CONCURRENCE =
            Pattern.compile("\\b(?:agree|concur)(?: with an amendment)? (?:to|in) (?:the )?senate amendments?\\b");
    private static final Pattern HOUSE_PART_OF_AMENDMENT = Pattern.compile("\\bportion\\b|\\bdivisions?\\b");
    private static final Pattern HOUSE_PASSAGE = Pattern.compile("^(?:passage\\b"
            + "|agreeing to the (?:joint |concurrent )?resolution\\b"
            + "|motion to suspend the rules and (?:pass|agree to) the (?:bill|(?:joint |concurrent )?resolution)\\b)");
    private static final Pattern HOUSE_PASSED_WITHOUT_VOTE =
            Pattern.compile("^Passed House\\b|\\bis considered (?:as )?passed (?:the )?House\\b", CASE_INSENSITIVE);
    private static final Pattern HOUSE_CONCURRED_WITHOUT_VOTE =
            Pattern.compile("^House agreed to (?:the )?Senate amendments?\\b", CASE_INSENSITIVE);
    private static final Pattern HOUSE_PASSED_EN_BLOC = Pattern.compile(
            "\\bthe following (?:bills?|(?:joint |concurrent )?resolutions?) (?:were |was )?(?:passed|agreed to)"
                    + " under suspension of the rules: (.*)",
            CASE_INSENSITIVE | DOTALL);
    private static final Pattern CITED_MEASURE =
            Pattern.compile("^(?:and)?(hconres|sconres|hjres|sjres|hres|sres|hr|s)\\d+(.*)");

    private static final Pattern SENATE_PASSED = Pattern.compile(
            "^(?:Passed Senate|(?:(?:Concurrent |Joint )?Resolution )?agreed to in Senate"
                    + "|(?:Introduced|Received|Submitted) in the Senate,.*?\\b(?:passed|agreed to))\\b(.*)",
            CASE_INSENSITIVE | DOTALL);
    private static final Pattern SENATE_FAILED = Pattern.compile(
            "^(?:Failed of passage in Senate|(?:(?:Concurrent |Joint )?Resolution )?(?:not agreed to|disagreed to)"
                    + " in Senate)\\b(.*)",
            CASE_INSENSITIVE | DOTALL);
    private static final Pattern SENATE_CONFERENCE_REPORT =
            Pattern.compile("^Senate (agreed|disagreed) to (?:the )?conference report\\b", CASE_INSENSITIVE);
    private static final Pattern SENATE_CONCURRENCE = Pattern.compile(
            "^Senate (?:(?:agreed to|concurred in) (?:the )?House amendments?|receded from its amendments? and"
                    + " concurred)\\b(.*)",
            CASE_INSENSITIVE | DOTALL);
    private static final Pattern OVER_VETO =
            Pattern.compile("\\bover (?:the )?(?:President's )?veto\\b", CASE_INSENSITIVE);

    private static final Pattern CLOTURE = Pattern.compile(
            "^(?:Upon reconsideration, )?cloture(?! motion)\\b.*?\\b(not )?invoked in Senate", CASE_INSENSITIVE);
    private static final Pattern CLOTURE_ON_OTHER_QUESTION = Pattern.compile(
            "^(?:Upon reconsideration, )?cloture on (?:the )?(?:\\S+ )?amendment\\b|\\bnomination\\b",
            CASE_INSENSITIVE);

    private static final Pattern AMENDED =
            Pattern.compile("\\bwith (?:an )?amendments?\\b|, as amended\\b|\\(Amended\\)", CASE_INSENSITIVE);
    private static final Pattern REQUESTS_CONFERENCE =
            Pattern.compile("\\binsists? (?:up)?on its amendments?\\b|\\brequests? a conference\\b", CASE_INSENSITIVE);
    private static final Pattern MOTION_ONLY_MADE = Pattern.compile("\\bmoved\\b|\\bmade in (?:House|Senate)\\b");

    private static final Pattern REFERRAL = Pattern.compile("\\breferred to\\b", CASE_INSENSITIVE);
    private static final Pattern COMMITTEE_REPORT = Pattern.compile(
            "\\bordered to be reported\\b"
                    + "|\\boriginal measure reported\\b"
                    + "|^reported\\b[^.]*\\bby the committee\\b|^committee on [^.]+\\. reported\\b"
                    + "|^reported to senate from the\\b"
                    + "|\\bcommittee agreed to seek consideration under suspension of the rules\\b",
            CASE_INSENSITIVE);
    private static final Pattern HOUSE_ORIGINAL_MEASURE =
            Pattern.compile("\\breported an original measure\\b", CASE_INSENSITIVE);
    private static final Pattern ABOUT_A_RULE = Pattern.compile("^Rules Committee Resolution\\b", CASE_INSENSITIVE);

    private static final Pattern SIGNED = Pattern.compile("^Signed by President\\b", CASE_INSENSITIVE);
    private static final Pattern POCKET_VETOED = Pattern.compile("^Pocket Vetoed by President\\b", CASE_INSENSITIVE);
    private static final Pattern VETOED = Pattern.compile("^Vetoed by President\\b", CASE_INSENSITIVE);
    private static final Pattern LAW_WITHOUT_SIGNATURE = Pattern.compile(
            "\\bsent to archivist of the united states unsigned\\b"
                    + "|\\bbecame (?:public |private )?law without (?:the )?(?:President's )?signature\\b",
            CASE_INSENSITIVE);
    private static final Pattern PUBLIC_LAW = Pattern.compile("^Became (?:Public|Private) Law\\b", CASE_INSENSITIVE);
    private static final Pattern TO_PRESIDENT =
            Pattern.compile("^(?:Presented to President|Cleared for White House)\\b", CASE_INSENSITIVE);

    private static final Pattern INTRODUCTION = Pattern.compile(
            "^(?:Introduced in|Received in|Held at the desk|Sponsor introductory remarks)\\b", CASE_INSENSITIVE);
    private static final Pattern COMMITTEE_BUSINESS = Pattern.compile(
            "\\b(?:discharged|hearings? held|mark-?up session held|forwarded by subcommittee"
                    + "|placed on (?:the )?[\\w ]*calendar|committee consideration)\\b",
            CASE_INSENSITIVE);
    private static final Pattern SUBCOMMITTEE = Pattern.compile("\\bsubcommittee\\b", CASE_INSENSITIVE);
    private static final Pattern MESSAGE = Pattern.compile("^Message on (?:House|Senate) action\\b", CASE_INSENSITIVE);
    private static final Pattern AFTER_DECISION =
            Pattern.compile("\\bmotions? to reconsider laid on the table\\b|\\bconferees\\b", CASE_INSENSITIVE);
    private static final Pattern ABOUT_A_VETO = Pattern.compile(
            "\\bveto message\\b|\\bover (?:the )?veto\\b|\\bobjections of the President\\b", CASE_INSENSITIVE);
    private static final Pattern NAMED_CHAMBER =
            Pattern.compile("^(?:The )?(House|Senate)\\b|\\bin (?:the )?(House|Senate)\\b", CASE_INSENSITIVE);

    private ActionReader() {}

    static ActionReading read(BillAction action, BillType type) {
        String text = plain(action.text());
        ActionReading vote = houseVote(action, text);
        if (vote == null) {
            vote = houseDecisionWithoutVote(action, text, type);
        }
        if (vote == null) {
            vote = senateDecision(action, text);
        }
        if (vote != null) {
            return vote;
        }
        Chamber chamber = chamberOf(action, text);
        boolean requestsConference = requestsConference(text);
        Decision decision = otherDecision(text);
        return new ActionReading(
                action,
                stageOf(action, text, decision, requestsConference),
                chamber,
                decision,
                true,
                false,
                false,
                requestsConference);
    }

    /** The text without a Library of Congress label or citations of the Congressional Record. */
    static String plain(String text) {
        return CITATION.matcher(LibraryOfCongressRepeats.withoutLabel(text)).replaceAll("");
    }

    private static ActionReading houseVote(BillAction action, String text) {
        Matcher vote = HOUSE_VOTE.matcher(text);
        if (!vote.find()) {
            return null;
        }
        String question = vote.group(1).toLowerCase(Locale.ROOT);
        boolean carried = vote.group(2).equals("Agreed to") || vote.group(2).equals("Passed");
        Decision decision;
        if (question.contains("objections of the president")) {
            decision = Decision.VETO_OVERRIDE;
        } else if (question.contains("conference report") && !question.contains("recommit")) {
            decision = Decision.CONFERENCE_REPORT;
        } else if (HOUSE_CONCURRENCE.matcher(question).find()) {
            decision = HOUSE_PART_OF_AMENDMENT.matcher(question).find() ? Decision.NONE : Decision.CONCURRENCE;
        } else if (HOUSE_PASSAGE.matcher(question).find()) {
            decision = Decision.PASSAGE;
        } else {
            decision = Decision.NONE;
        }
        boolean requestsConference =
                carried && REQUESTS_CONFERENCE.matcher(question).find();
        return new ActionReading(
                action,
                voteStage(decision, requestsConference),
                Chamber.HOUSE,
                decision,
                carried,
                AMENDED.matcher(question).find(),
                question.contains("suspend the rules"),
                requestsConference);
    }

    /** The House also passes measures by adopting a rule that deems them passed, or in a list passed en bloc. */
    private static ActionReading houseDecisionWithoutVote(BillAction action, String text, BillType type) {
        Decision decision;
        boolean amended;
        boolean underSuspension = false;
        Matcher enBloc = HOUSE_PASSED_EN_BLOC.matcher(text);
        if (HOUSE_CONCURRED_WITHOUT_VOTE.matcher(text).find()) {
            decision = Decision.CONCURRENCE;
            amended = AMENDED.matcher(text).find();
        } else if (HOUSE_PASSED_WITHOUT_VOTE.matcher(text).find()) {
            decision = Decision.PASSAGE;
            amended = AMENDED.matcher(text).find();
        } else if (enBloc.find()) {
            decision = Decision.PASSAGE;
            amended = amendedInList(enBloc.group(1), type);
            underSuspension = true;
        } else {
            return null;
        }
        return new ActionReading(
                action, Stage.DECISION, Chamber.HOUSE, decision, true, amended, underSuspension, false);
    }

    /**
     * Whether the list marks the measure "as amended". The list names measures by number, which the rules are not
     * given, so this holds when every measure of the same type in the list was amended.
     */
    private static boolean amendedInList(String list, BillType type) {
        List<Boolean> amendedOfSameType = new ArrayList<>();
        for (String entry : list.split("[;:]")) {
            String compact = entry.replaceAll("[.\\s]", "").toLowerCase(Locale.ROOT);
            Matcher cited = CITED_MEASURE.matcher(compact);
            if (cited.find() && BillType.parse(cited.group(1)) == type) {
                amendedOfSameType.add(cited.group(2).contains("asamended"));
            }
        }
        return !amendedOfSameType.isEmpty() && !amendedOfSameType.contains(false);
    }

    private static ActionReading senateDecision(BillAction action, String text) {
        String spaced = text.replaceAll("\\s+", " ");
        Decision decision;
        boolean carried;
        boolean amended = false;
        Matcher matched;
        if ((matched = SENATE_CONFERENCE_REPORT.matcher(spaced)).find()) {
            decision = Decision.CONFERENCE_REPORT;
            carried = matched.group(1).equalsIgnoreCase("agreed");
        } else if ((matched = SENATE_CONCURRENCE.matcher(spaced)).find()) {
            decision = Decision.CONCURRENCE;
            carried = true;
            amended = AMENDED.matcher(matched.group(1)).find();
        } else if ((matched = SENATE_PASSED.matcher(spaced)).find()) {
            carried = true;
            decision = OVER_VETO.matcher(matched.group(1)).find() ? Decision.VETO_OVERRIDE : Decision.PASSAGE;
            amended = AMENDED.matcher(matched.group(1)).find();
        } else if ((matched = SENATE_FAILED.matcher(spaced)).find()) {
            carried = false;
            decision = OVER_VETO.matcher(matched.group(1)).find() ? Decision.VETO_OVERRIDE : Decision.PASSAGE;
        } else if ((matched = CLOTURE.matcher(spaced)).find()) {
            if (CLOTURE_ON_OTHER_QUESTION.matcher(spaced).find()) {
                return null;
            }
            decision = Decision.CLOTURE;
            carried = matched.group(1) == null;
        } else {
            return null;
        }
        boolean requestsConference = carried && requestsConference(spaced);
        Stage stage = decision == Decision.CLOTURE ? Stage.CLOTURE : voteStage(decision, requestsConference);
        return new ActionReading(action, stage, Chamber.SENATE, decision, carried, amended, false, requestsConference);
    }

    private static Decision otherDecision(String text) {
        if (SIGNED.matcher(text).find()) {
            return Decision.SIGNATURE;
        }
        if (POCKET_VETOED.matcher(text).find()) {
            return Decision.POCKET_VETO;
        }
        if (VETOED.matcher(text).find()) {
            return Decision.VETO;
        }
        if (LAW_WITHOUT_SIGNATURE.matcher(text).find()) {
            return Decision.LAW_WITHOUT_SIGNATURE;
        }
        if (PUBLIC_LAW.matcher(text).find()) {
            return Decision.PUBLIC_LAW;
        }
        if (HOUSE_ORIGINAL_MEASURE.matcher(text).find()) {
            return Decision.HOUSE_ORIGINAL_MEASURE;
        }
        if (COMMITTEE_REPORT.matcher(text).find() && !ABOUT_A_RULE.matcher(text).find()) {
            return Decision.COMMITTEE_REPORT;
        }
        if (REFERRAL.matcher(text).find()) {
            return Decision.REFERRAL;
        }
        return Decision.NONE;
    }

    private static boolean requestsConference(String text) {
        return REQUESTS_CONFERENCE.matcher(text).find()
                && !MOTION_ONLY_MADE.matcher(text).find();
    }

    private static Stage voteStage(Decision decision, boolean requestsConference) {
        if (decision == Decision.VETO_OVERRIDE) {
            return Stage.VETO_MESSAGE;
        }
        if (decision != Decision.NONE) {
            return Stage.DECISION;
        }
        return requestsConference ? Stage.AFTER_DECISION : Stage.FLOOR;
    }

    private static Stage stageOf(BillAction action, String text, Decision decision, boolean requestsConference) {
        switch (decision) {
            case SIGNATURE, VETO, POCKET_VETO:
                return Stage.PRESIDENT;
            case PUBLIC_LAW, LAW_WITHOUT_SIGNATURE:
                return Stage.LAW;
            case COMMITTEE_REPORT, HOUSE_ORIGINAL_MEASURE:
                return Stage.COMMITTEE;
            default:
                break;
        }
        if (TO_PRESIDENT.matcher(text).find()) {
            return Stage.PRESIDENT;
        }
        if (ABOUT_A_VETO.matcher(text).find()) {
            return Stage.VETO_MESSAGE;
        }
        if (INTRODUCTION.matcher(text).find() && decision != Decision.REFERRAL) {
            return Stage.INTRODUCTION;
        }
        if (decision == Decision.REFERRAL) {
            boolean toSubcommittee = action.source() == ActionSource.HOUSE_COMMITTEE
                    || SUBCOMMITTEE.matcher(text).find();
            return toSubcommittee ? Stage.COMMITTEE : Stage.REFERRAL;
        }
        if (COMMITTEE_BUSINESS.matcher(text).find() || action.source() == ActionSource.HOUSE_COMMITTEE) {
            return Stage.COMMITTEE;
        }
        if (MESSAGE.matcher(text).find()) {
            return Stage.MESSAGE;
        }
        if (requestsConference || AFTER_DECISION.matcher(text).find()) {
            return Stage.AFTER_DECISION;
        }
        return Stage.FLOOR;
    }

    private static Chamber chamberOf(BillAction action, String text) {
        Chamber labelled = LibraryOfCongressRepeats.labelledChamber(action.text());
        if (labelled != null) {
            return labelled;
        }
        switch (action.source()) {
            case HOUSE_FLOOR, HOUSE_COMMITTEE:
                return Chamber.HOUSE;
            case SENATE:
                return Chamber.SENATE;
            default:
                break;
        }
        Matcher named = NAMED_CHAMBER.matcher(text);
        if (!named.find()) {
            return null;
        }
        String chamber = named.group(1) != null ? named.group(1) : named.group(2);
        return Chamber.valueOf(chamber.toUpperCase(Locale.ROOT));
    }
}
