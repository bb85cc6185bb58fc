package org.tracker.core.report;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.tracker.core.api.FactRejected;
import org.tracker.core.api.MandateReport;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.ReportKind;
import org.tracker.core.api.ReportMandated;
import org.tracker.core.api.ReportSubmitted;
import org.tracker.core.api.SubmitReport;

class MandatedReportTest {

    private static final Provenance PROVENANCE = new Provenance(
            Instant.parse("2024-02-08T05:00:00Z"),
            Instant.parse("2024-02-09T15:00:00Z"),
            "https://www.whitehouse.gov/briefing-room/presidential-actions/2024/02/08/national-security-memorandum-20/",
            "analyst");

    private static final String REPORT_ID = "report-nsm20-2024";
    private static final String TITLE = "Report on assurances and compliance under NSM-20";
    private static final String MANDATED_BY = "NSM-20";
    private static final String RECIPIENT = "appropriate congressional committees";
    private static final LocalDate DUE_ON = LocalDate.of(2024, 5, 8);
    private static final String DOCUMENT_URL = "https://www.state.gov/report-to-congress-under-nsm-20/";

    private static final ReportMandated MANDATED =
            new ReportMandated(REPORT_ID, ReportKind.REPORT, TITLE, MANDATED_BY, RECIPIENT, DUE_ON, PROVENANCE);

    private final AggregateTestFixture<MandatedReport> fixture = new AggregateTestFixture<>(MandatedReport.class);

    private static MandateReport mandate(ReportKind kind, String title, String mandatedBy, LocalDate dueOn) {
        return new MandateReport(REPORT_ID, kind, title, mandatedBy, RECIPIENT, dueOn, PROVENANCE);
    }

    @Test
    void aReportIsMandated() {
        fixture.givenNoPriorActivity()
                .when(mandate(ReportKind.REPORT, " " + TITLE + " ", " " + MANDATED_BY + " ", DUE_ON))
                .expectEvents(MANDATED);
    }

    @Test
    void theSameMandateTwiceRecordsNothing() {
        fixture.given(MANDATED)
                .when(mandate(ReportKind.REPORT, TITLE, MANDATED_BY, DUE_ON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherDueDateIsRejected() {
        fixture.given(MANDATED)
                .when(mandate(ReportKind.REPORT, TITLE, MANDATED_BY, DUE_ON.plusDays(30)))
                .expectException(FactRejected.class)
                .expectExceptionMessage(containsString("a new due date is a new report"))
                .expectNoEvents();
    }

    @Test
    void aMandateWithoutKindIsRefused() {
        fixture.givenNoPriorActivity()
                .when(mandate(null, TITLE, MANDATED_BY, DUE_ON))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aMandateWithoutTitleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(mandate(ReportKind.REPORT, " ", MANDATED_BY, DUE_ON))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aMandateWithoutItsSourceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(mandate(ReportKind.REPORT, TITLE, null, DUE_ON))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aMandateWithoutDueDateIsRefused() {
        fixture.givenNoPriorActivity()
                .when(mandate(ReportKind.REPORT, TITLE, MANDATED_BY, null))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aReportSubmittedOnItsDueDateIsOnTime() {
        fixture.given(MANDATED)
                .when(new SubmitReport(REPORT_ID, DUE_ON, DOCUMENT_URL, PROVENANCE))
                .expectEvents(new ReportSubmitted(REPORT_ID, DUE_ON, DOCUMENT_URL, false, PROVENANCE));
    }

    @Test
    void aReportSubmittedAfterItsDueDateIsLate() {
        LocalDate submittedOn = DUE_ON.plusDays(2);
        fixture.given(MANDATED)
                .when(new SubmitReport(REPORT_ID, submittedOn, DOCUMENT_URL, PROVENANCE))
                .expectEvents(new ReportSubmitted(REPORT_ID, submittedOn, DOCUMENT_URL, true, PROVENANCE));
    }

    @Test
    void theSameSubmissionTwiceRecordsNothing() {
        fixture.given(MANDATED, new ReportSubmitted(REPORT_ID, DUE_ON, DOCUMENT_URL, false, PROVENANCE))
                .when(new SubmitReport(REPORT_ID, DUE_ON, DOCUMENT_URL, PROVENANCE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSubmissionOnAnotherDayIsRejected() {
        fixture.given(MANDATED, new ReportSubmitted(REPORT_ID, DUE_ON, DOCUMENT_URL, false, PROVENANCE))
                .when(new SubmitReport(REPORT_ID, DUE_ON.plusDays(1), DOCUMENT_URL, PROVENANCE))
                .expectException(FactRejected.class)
                .expectExceptionMessage(REPORT_ID + " was already submitted on 2024-05-08")
                .expectNoEvents();
    }

    @Test
    void aSubmissionWithoutDateIsRefused() {
        fixture.given(MANDATED)
                .when(new SubmitReport(REPORT_ID, null, DOCUMENT_URL, PROVENANCE))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
