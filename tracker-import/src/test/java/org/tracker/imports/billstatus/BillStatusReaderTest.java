package org.tracker.imports.billstatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracker.core.api.ActionSource;
import org.tracker.core.api.BillAction;
import org.tracker.core.api.BillId;
import org.tracker.core.api.Chamber;
import org.tracker.core.api.Member;
import org.tracker.core.api.RecordedVoteRef;
import org.tracker.imports.Fixtures;
import org.tracker.imports.UnreadableRecordException;
import org.tracker.imports.bill.BillRecord;
import org.tracker.imports.bill.BillRecord.Cosponsor;
import org.tracker.imports.bill.BillRecord.Law;

class BillStatusReaderTest {

    private static final String MINIMAL =
            """
            <?xml version="1.0" encoding="utf-8"?>
            <billStatus>
              <version>3.0.0</version>
              <bill>
                <number>35</number>
                <updateDate>2022-09-07T13:36:03Z</updateDate>
                <type>S</type>
                <introducedDate>2021-01-22</introducedDate>
                <congress>117</congress>
                <title>Officer Eugene Goodman Congressional Gold Medal Act</title>
              </bill>
            </billStatus>
            """;

    private final BillStatusReader reader = new BillStatusReader(4_000_000);

    @Test
    void readsALegacyFile() {
        BillRecord bill = reader.read(Fixtures.billStatus().resolve("BILLSTATUS-114hr22.xml"));

        assertThat(bill.id()).isEqualTo(BillId.parse("hr22-114"));
        assertThat(bill.title()).startsWith("To amend the Internal Revenue Code of 1986 to exempt employees");
        assertThat(bill.introducedOn()).isEqualTo(LocalDate.parse("2015-01-06"));
        assertThat(bill.sponsor()).isEqualTo(new Member("D000619", "Rep. Davis, Rodney [R-IL-13]", "R", "IL"));
        assertThat(bill.cosponsors())
                .hasSize(118)
                .contains(new Cosponsor(
                        new Member("G000571", "Rep. Gabbard, Tulsi [D-HI-2]", "D", "HI"),
                        LocalDate.parse("2015-01-06"),
                        true,
                        null));
        assertThat(bill.laws()).containsExactly(new Law("Public Law", "114-94"));
        assertThat(bill.updatedAt()).isEqualTo(Instant.parse("2015-12-15T13:03:01Z"));
        assertThat(bill.titles()).anySatisfy(title -> {
            assertThat(title.type()).isEqualTo("Short Titles as Enacted");
            assertThat(title.text()).isEqualTo("FAST Act");
        });
    }

    @Test
    void tiesALegacyFilesRollCallsToTheActionsTheyDecided() {
        BillRecord bill = reader.read(Fixtures.billStatus().resolve("BILLSTATUS-114hr22.xml"));

        assertThat(action(bill, ActionSource.HOUSE_FLOOR, "On agreeing to the conference report Agreed to"))
                .satisfies(action -> {
                    assertThat(action.time()).isEqualTo(LocalTime.of(13, 25));
                    assertThat(action.actionCode()).isEqualTo("H42510");
                    assertThat(action.recordedVote())
                            .isEqualTo(new RecordedVoteRef(Chamber.HOUSE, 114, 1, 673, LocalDate.parse("2015-12-03")));
                });
        assertThat(action(bill, ActionSource.SENATE, "Senate agreed to conference report")
                        .recordedVote())
                .isEqualTo(new RecordedVoteRef(Chamber.SENATE, 114, 1, 331, LocalDate.parse("2015-12-03")));
        assertThat(action(
                                bill,
                                ActionSource.SENATE,
                                "Motion by Senator McConnell to reconsider the vote by which cloture")
                        .recordedVote())
                .as("a roll call the text only refers to")
                .isNull();
    }

    @Test
    void readsA300File() {
        BillRecord bill = reader.read(Fixtures.billStatus().resolve("BILLSTATUS-117hr2471.xml"));

        assertThat(bill.id()).isEqualTo(BillId.parse("hr2471-117"));
        assertThat(bill.sponsor()).isEqualTo(new Member("J000294", "Rep. Jeffries, Hakeem S. [D-NY-8]", "D", "NY"));
        assertThat(bill.laws()).containsExactly(new Law("Public Law", "117-103"));
        assertThat(action(
                        bill,
                        ActionSource.HOUSE_FLOOR,
                        "On motion to agree in Senate amendment with amendment (divisions B"))
                .satisfies(action -> {
                    assertThat(action.time()).isEqualTo(LocalTime.of(21, 49, 7));
                    assertThat(action.recordedVote())
                            .isEqualTo(new RecordedVoteRef(Chamber.HOUSE, 117, 2, 65, LocalDate.parse("2022-03-09")));
                });
        assertThat(action(bill, ActionSource.HOUSE_FLOOR, "Referred to the House Committee on Foreign Affairs.")
                        .committees())
                .containsExactly("Foreign Affairs Committee");
        assertThat(action(bill, ActionSource.SENATE, "Passed Senate with an amendment by Voice Vote."))
                .as("a Senate item that names its source without its code")
                .isNotNull();
    }

    @Test
    void leavesOutActionsWithoutText() {
        BillRecord bill = reader.read(Fixtures.billStatus().resolve("BILLSTATUS-114hr3762.xml"));

        assertThat(bill.actions())
                .filteredOn(action -> action.date().equals(LocalDate.parse("2015-10-16")))
                .extracting(BillAction::text)
                .containsExactly(
                        "Placed on the Union Calendar, Calendar No. 222.",
                        "The House Committee on the Budget reported an original measure, H. Rept. 114-293, by Mr. Price,"
                                + " Tom.",
                        "The House Committee on the Budget reported an original measure, H. Rept. 114-293, by Mr. Price,"
                                + " Tom.",
                        "Introduced in House");
    }

    @Test
    void readsARecordWithoutSponsor() {
        BillRecord bill = reader.read(Fixtures.billStatus().resolve("BILLSTATUS-114s2848.xml"));

        assertThat(bill.id()).isEqualTo(BillId.parse("s2848-114"));
        assertThat(bill.sponsor()).isNull();
    }

    @Test
    void refusesADoctypeWithAnExternalEntity() {
        String external =
                """
                <?xml version="1.0"?>
                <!DOCTYPE billStatus [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <billStatus><bill><title>&secret;</title></bill></billStatus>
                """;

        assertThatThrownBy(() -> reader.read(stream(external)))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesEntityExpansion() {
        String laughs =
                """
                <?xml version="1.0"?>
                <!DOCTYPE billStatus [
                  <!ENTITY lol "lol">
                  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                ]>
                <billStatus><bill><title>&lol3;</title></bill></billStatus>
                """;

        assertThatThrownBy(() -> reader.read(stream(laughs)))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesAnEntityItWasNotGivenAsMalformed() {
        assertThatThrownBy(() -> reader.read(stream(MINIMAL.replace("Officer Eugene", "&officer;"))))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("not well-formed XML at line 10")
                .hasMessageContaining("officer");
    }

    @Test
    void refusesAFileOverTheLimit(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("BILLSTATUS-117s35.xml"), MINIMAL);
        BillStatusReader small = new BillStatusReader(100);

        assertThatThrownBy(() -> small.read(file))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("than the limit of 100 bytes");
        assertThatThrownBy(() -> small.read(stream(MINIMAL)))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("than the limit of 100 bytes");
        assertThat(new BillStatusReader(MINIMAL.length()).read(stream(MINIMAL)).id())
                .isEqualTo(BillId.parse("s35-117"));
    }

    @Test
    void refusesMalformedXml() {
        String truncated = MINIMAL.substring(0, MINIMAL.indexOf("</bill>"));

        assertThatThrownBy(() -> reader.read(stream(truncated)))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageStartingWith("not well-formed XML at line");
    }

    @Test
    void namesWhatAWellFormedFileLacks() {
        assertThatThrownBy(() -> reader.read(stream("<bills><bill/></bills>")))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("the root element is <bills>, not <billStatus>");
        assertThatThrownBy(() -> reader.read(stream(MINIMAL.replace("<type>S</type>", ""))))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("<bill> has no <type>");
        assertThatThrownBy(() -> reader.read(stream(MINIMAL.replace("2021-01-22", "22 January 2021"))))
                .isInstanceOf(UnreadableRecordException.class)
                .hasMessageContaining("<introducedDate> '22 January 2021' is not a date");
    }

    private static BillAction action(BillRecord bill, ActionSource source, String textStart) {
        List<BillAction> found = bill.actions().stream()
                .filter(action -> action.source() == source && action.text().startsWith(textStart))
                .toList();
        assertThat(found).as("actions from %s starting '%s'", source, textStart).hasSize(1);
        return found.get(0);
    }

    private static ByteArrayInputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
