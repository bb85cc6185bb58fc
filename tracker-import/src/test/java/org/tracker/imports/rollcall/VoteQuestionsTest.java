package org.tracker.imports.rollcall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tracker.core.api.VoteCategory;

class VoteQuestionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "On Passage | PASSAGE",
                "On Motion to Suspend the Rules and Pass, as Amended | PASSAGE",
                "On Agreeing to the Resolution | PASSAGE",
                "On the Joint Resolution (S.J.Res. 111) | PASSAGE",
                "On Passage of the Bill (H.R. 815 As Amended) | PASSAGE",
                "On the Conference Report | PASSAGE",
                "On Motion to Concur in the Senate Amendment with an Amendment | PASSAGE",
                "On the Motion to Discharge (Motion to Discharge S.J.Res.111) | MOTION_TO_DISCHARGE",
                "On the Cloture Motion (Motion to Invoke Cloture on the Motion to Proceed to S. 4361) | CLOTURE",
                "On Agreeing to the Amendment | AMENDMENT",
                "On the Amendment S.Amdt. 1388 | AMENDMENT",
                "On Overriding the Veto | VETO_OVERRIDE",
                "On Passage, Objections of the President To The Contrary Notwithstanding | VETO_OVERRIDE",
                "On Ordering the Previous Question | PROCEDURAL",
                "On Motion to Recommit | PROCEDURAL",
                "On the Nomination (Confirmation: Jacob J. Lew, of New York) | PROCEDURAL",
                "On the Motion to Table | PROCEDURAL"
            })
    void readsWhatTheVoteDecidedFromItsQuestion(String question, VoteCategory category) {
        assertThat(VoteQuestions.category(question)).isEqualTo(category);
    }
}
