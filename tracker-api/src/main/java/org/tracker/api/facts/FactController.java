package org.tracker.api.facts;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tracker.core.api.AddCosponsor;
import org.tracker.core.api.AmendMou;
import org.tracker.core.api.AssignBillTitle;
import org.tracker.core.api.FileDisapprovalResolution;
import org.tracker.core.api.IntroduceBill;
import org.tracker.core.api.InvokeWaiver;
import org.tracker.core.api.MandateReport;
import org.tracker.core.api.NotifyArmsSale;
import org.tracker.core.api.RecordBillAction;
import org.tracker.core.api.RecordLaw;
import org.tracker.core.api.RecordMouExpiry;
import org.tracker.core.api.RecordRollCallVote;
import org.tracker.core.api.RecordTrancheFunding;
import org.tracker.core.api.RecordWaiverExpiry;
import org.tracker.core.api.RecordWaiverProvision;
import org.tracker.core.api.RenewWaiver;
import org.tracker.core.api.RevokeWaiver;
import org.tracker.core.api.ScheduleTranche;
import org.tracker.core.api.SignMou;
import org.tracker.core.api.SubmitReport;
import org.tracker.core.api.WithdrawCosponsor;

/**
 * One endpoint per kind of fact. Each answers 201 with the events it appended, or 200 with none when the tracker
 * already knew the fact. The body is the command's fields without {@code provenance}; {@code source} names where the
 * fact comes from and {@code effectiveAt} overrides when it took effect (by default, the fact's own date).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "facts", description = "Record what happened; requires an API token")
class FactController {

    private final FactSubmitter submitter;

    FactController(FactSubmitter submitter) {
        this.submitter = submitter;
    }

    @PostMapping("/bills")
    @Operation(summary = "Record that a bill or resolution was introduced")
    ResponseEntity<FactSubmitter.Recorded> introduceBill(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = IntroduceBill.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(IntroduceBill.class, body, Map.of(), account));
    }

    @PostMapping("/bills/{billId}/titles")
    @Operation(summary = "Record a title of a bill")
    ResponseEntity<FactSubmitter.Recorded> assignBillTitle(
            @PathVariable String billId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = AssignBillTitle.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(AssignBillTitle.class, body, Map.of("billId", billId), account));
    }

    @PostMapping("/bills/{billId}/cosponsors")
    @Operation(summary = "Record a cosponsor of a bill")
    ResponseEntity<FactSubmitter.Recorded> addCosponsor(
            @PathVariable String billId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = AddCosponsor.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(AddCosponsor.class, body, Map.of("billId", billId), account));
    }

    @PostMapping("/bills/{billId}/cosponsors/{bioguideId}/withdrawal")
    @Operation(summary = "Record that a cosponsor withdrew")
    ResponseEntity<FactSubmitter.Recorded> withdrawCosponsor(
            @PathVariable String billId,
            @PathVariable String bioguideId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = WithdrawCosponsor.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(
                WithdrawCosponsor.class, body, Map.of("billId", billId, "bioguideId", bioguideId), account));
    }

    @PostMapping("/bills/{billId}/actions")
    @Operation(summary = "Record an action on a bill; its status follows from the actions")
    ResponseEntity<FactSubmitter.Recorded> recordBillAction(
            @PathVariable String billId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RecordBillAction.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(RecordBillAction.class, body, Map.of("billId", billId), account));
    }

    @PostMapping("/bills/{billId}/laws")
    @Operation(summary = "Record the law a bill became")
    ResponseEntity<FactSubmitter.Recorded> recordLaw(
            @PathVariable String billId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RecordLaw.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(RecordLaw.class, body, Map.of("billId", billId), account));
    }

    @PostMapping("/votes")
    @Operation(summary = "Record a roll-call vote")
    ResponseEntity<FactSubmitter.Recorded> recordRollCallVote(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RecordRollCallVote.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(RecordRollCallVote.class, body, Map.of(), account));
    }

    @PostMapping("/arms-sales")
    @Operation(summary = "Record an AECA 36(b) notification of a proposed arms sale")
    ResponseEntity<FactSubmitter.Recorded> notifyArmsSale(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = NotifyArmsSale.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(NotifyArmsSale.class, body, Map.of(), account));
    }

    @PostMapping("/arms-sales/{armsSaleId}/disapproval-resolutions")
    @Operation(summary = "Link a joint resolution of disapproval to an arms sale")
    ResponseEntity<FactSubmitter.Recorded> fileDisapprovalResolution(
            @PathVariable String armsSaleId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = FileDisapprovalResolution.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(
                submitter.submit(FileDisapprovalResolution.class, body, Map.of("armsSaleId", armsSaleId), account));
    }

    @PostMapping("/waivers")
    @Operation(summary = "Record a waiver provision of law")
    ResponseEntity<FactSubmitter.Recorded> recordWaiverProvision(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RecordWaiverProvision.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(RecordWaiverProvision.class, body, Map.of(), account));
    }

    @PostMapping("/waivers/{waiverId}/invocations")
    @Operation(summary = "Record a determination invoking a waiver")
    ResponseEntity<FactSubmitter.Recorded> invokeWaiver(
            @PathVariable String waiverId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = InvokeWaiver.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(InvokeWaiver.class, body, Map.of("waiverId", waiverId), account));
    }

    @PostMapping("/waivers/{waiverId}/renewals")
    @Operation(summary = "Record the renewal of a waiver")
    ResponseEntity<FactSubmitter.Recorded> renewWaiver(
            @PathVariable String waiverId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RenewWaiver.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(RenewWaiver.class, body, Map.of("waiverId", waiverId), account));
    }

    @PostMapping("/waivers/{waiverId}/expiry")
    @Operation(summary = "Record that a waiver expired")
    ResponseEntity<FactSubmitter.Recorded> recordWaiverExpiry(
            @PathVariable String waiverId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RecordWaiverExpiry.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(RecordWaiverExpiry.class, body, Map.of("waiverId", waiverId), account));
    }

    @PostMapping("/waivers/{waiverId}/revocation")
    @Operation(summary = "Record that a waiver was revoked")
    ResponseEntity<FactSubmitter.Recorded> revokeWaiver(
            @PathVariable String waiverId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RevokeWaiver.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(RevokeWaiver.class, body, Map.of("waiverId", waiverId), account));
    }

    @PostMapping("/mous")
    @Operation(summary = "Record the signing of a memorandum of understanding")
    ResponseEntity<FactSubmitter.Recorded> signMou(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = SignMou.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(SignMou.class, body, Map.of(), account));
    }

    @PostMapping("/mous/{mouId}/tranches")
    @Operation(summary = "Record a yearly tranche an MoU schedules")
    ResponseEntity<FactSubmitter.Recorded> scheduleTranche(
            @PathVariable String mouId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = ScheduleTranche.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(ScheduleTranche.class, body, Map.of("mouId", mouId), account));
    }

    @PostMapping("/mous/{mouId}/funding")
    @Operation(summary = "Record a tranche appropriated, obligated or disbursed")
    ResponseEntity<FactSubmitter.Recorded> recordTrancheFunding(
            @PathVariable String mouId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RecordTrancheFunding.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(RecordTrancheFunding.class, body, Map.of("mouId", mouId), account));
    }

    @PostMapping("/mous/{mouId}/amendments")
    @Operation(summary = "Record an amendment of an MoU")
    ResponseEntity<FactSubmitter.Recorded> amendMou(
            @PathVariable String mouId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = AmendMou.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(AmendMou.class, body, Map.of("mouId", mouId), account));
    }

    @PostMapping("/mous/{mouId}/expiry")
    @Operation(summary = "Record that an MoU expired")
    ResponseEntity<FactSubmitter.Recorded> recordMouExpiry(
            @PathVariable String mouId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RecordMouExpiry.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(RecordMouExpiry.class, body, Map.of("mouId", mouId), account));
    }

    @PostMapping("/reports")
    @Operation(summary = "Record a report or certification that a law requires")
    ResponseEntity<FactSubmitter.Recorded> mandateReport(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = MandateReport.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(MandateReport.class, body, Map.of(), account));
    }

    @PostMapping("/reports/{reportId}/submission")
    @Operation(summary = "Record that a mandated report was submitted")
    ResponseEntity<FactSubmitter.Recorded> submitReport(
            @PathVariable String reportId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = SubmitReport.class)))
                    @RequestBody
                    JsonNode body,
            Principal account) {
        return answer(submitter.submit(SubmitReport.class, body, Map.of("reportId", reportId), account));
    }

    private static ResponseEntity<FactSubmitter.Recorded> answer(FactSubmitter.Recorded recorded) {
        if (recorded.appended().isEmpty()) {
            return ResponseEntity.ok(recorded);
        }
        return ResponseEntity.created(URI.create("/api/measures/" + recorded.measureId()))
                .body(recorded);
    }
}
