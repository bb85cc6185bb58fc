package org.tracker.imports.rollcall;

import java.util.Locale;
import java.util.regex.Pattern;
import org.tracker.core.api.VoteCategory;

/** What a roll call decided, from its question as either chamber words it. */
final class VoteQuestions {

    private VoteQuestions() {}

    /** Agreeing to the other chamber's amendment passes the measure, although the question names an amendment. */
    private static final Pattern OTHER_CHAMBERS_AMENDMENT =
            Pattern.compile("\\bconcur\\b|\\bagree to the (?:senate|house) amendment");

    private static final Pattern PASSAGE = Pattern.compile("\\bpassage\\b"
            + "|\\bsuspend the rules and (?:pass|agree)\\b"
            + "|\\bconference report\\b"
            + "|\\bon (?:agreeing to )?the (?:joint |concurrent )?resolution\\b"
            + "|\\bon the bill\\b");

    /**
     * Passage covers the votes that pass a measure in some form: passage, agreeing to a resolution or a conference
     * report, agreeing to the other chamber's amendment. Anything else that moves no measure is procedural.
     */
    static VoteCategory category(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        if (q.contains("veto") || q.contains("objections of the president")) {
            return VoteCategory.VETO_OVERRIDE;
        }
        if (q.contains("cloture")) {
            return VoteCategory.CLOTURE;
        }
        if (q.contains("discharge")) {
            return VoteCategory.MOTION_TO_DISCHARGE;
        }
        if (OTHER_CHAMBERS_AMENDMENT.matcher(q).find()) {
            return VoteCategory.PASSAGE;
        }
        if (q.contains("amendment")) {
            return VoteCategory.AMENDMENT;
        }
        return PASSAGE.matcher(q).find() ? VoteCategory.PASSAGE : VoteCategory.PROCEDURAL;
    }
}
