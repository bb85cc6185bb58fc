package org.tracker.api.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.tracker.imports.Fixtures;

/**
 * The shared real-data fixtures (beside the repository, unless TRACKER_FIXTURES says otherwise), what EXPECTED.tsv
 * says of them, and the files the tests write in the chambers' formats.
 */
final class ImportFixtures {

    private ImportFixtures() {}

    /** A BILLSTATUS fixture as it is. */
    static byte[] file(String name) {
        try {
            return Files.readAllBytes(Fixtures.billStatus(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture as the record of another bill of the same type and Congress, one no other test imports. */
    static byte[] renumbered(String name, int number) {
        return Fixtures.renumbered(Fixtures.billStatus(name), number);
    }

    /**
     * A BILLSTATUS file that asks for a local file to be expanded into its title: what an XXE attack looks like. The
     * rest of it is the start of a real file.
     */
    static byte[] withExternalEntity() {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <!DOCTYPE billStatus [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <billStatus>
                  <version>3.0.0</version>
                  <bill>
                    <number>9999</number>
                    <updateDate>2022-09-07T13:36:03Z</updateDate>
                    <type>S</type>
                    <introducedDate>2021-01-22</introducedDate>
                    <congress>117</congress>
                    <title>&secret;</title>
                  </bill>
                </billStatus>
                """
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The Senate's roll call on the motion to discharge S.J.Res. 111 on 20 November 2024, rejected 18-79, written in
     * the Senate's format with the public facts of the vote and no members listed.
     */
    static byte[] senateRollCall() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <roll_call_vote>
                  <congress>118</congress>
                  <session>2</session>
                  <vote_number>00292</vote_number>
                  <vote_date>November 20, 2024,  05:51 PM</vote_date>
                  <vote_question_text>On the Motion to Discharge (Motion to Discharge S.J.Res.111)</vote_question_text>
                  <question>On the Motion to Discharge</question>
                  <vote_result>Motion Rejected</vote_result>
                  <document>
                    <document_congress>118</document_congress>
                    <document_type>S.J.Res.</document_type>
                    <document_number>111</document_number>
                  </document>
                  <count><yeas>18</yeas><nays>79</nays><present/><absent>3</absent></count>
                </roll_call_vote>
                """
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The House's roll call on passing H.R. 8369 on 16 May 2024, 224-187, in the Clerk's format with its DOCTYPE
     * naming the Clerk's DTD; the roll number, time and not-voting count are illustrative.
     */
    static byte[] houseRollCall() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rollcall-vote PUBLIC "-//US Congress//DTDs/vote v1.0 20031119 //EN" "../vote.dtd">
                <rollcall-vote>
                <vote-metadata>
                <congress>118</congress>
                <session>2nd</session>
                <rollcall-num>209</rollcall-num>
                <legis-num>H R 8369</legis-num>
                <vote-question>On Passage</vote-question>
                <vote-result>Passed</vote-result>
                <action-date>16-May-2024</action-date>
                <action-time time-etz="17:16">5:16 PM</action-time>
                <vote-totals>
                <totals-by-vote>
                <yea-total>224</yea-total>
                <nay-total>187</nay-total>
                <present-total>0</present-total>
                <not-voting-total>20</not-voting-total>
                </totals-by-vote>
                </vote-totals>
                </vote-metadata>
                </rollcall-vote>
                """
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A House roll call whose DOCTYPE declares entities that expand each other, as in the billion laughs. */
    static byte[] houseRollCallWithEntityExpansion() {
        return """
                <?xml version="1.0"?>
                <!DOCTYPE rollcall-vote [
                  <!ENTITY lol "lol">
                  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                ]>
                <rollcall-vote><vote-metadata><vote-question>&lol3;</vote-question></vote-metadata></rollcall-vote>
                """
                .getBytes(StandardCharsets.UTF_8);
    }
}
