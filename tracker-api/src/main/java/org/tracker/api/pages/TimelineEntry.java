package org.tracker.api.pages;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.axonframework.eventhandling.DomainEventMessage;
import org.tracker.core.api.ArmsSaleNotified;
import org.tracker.core.api.BillActionRecorded;
import org.tracker.core.api.BillIntroduced;
import org.tracker.core.api.BillStatusChanged;
import org.tracker.core.api.BillTitleAssigned;
import org.tracker.core.api.CongressTime;
import org.tracker.core.api.CosponsorAdded;
import org.tracker.core.api.CosponsorWithdrawn;
import org.tracker.core.api.DisapprovalResolutionFiled;
import org.tracker.core.api.LawRecorded;
import org.tracker.core.api.MeasureCitation;
import org.tracker.core.api.MeasureEvent;
import org.tracker.core.api.Member;
import org.tracker.core.api.MouAmended;
import org.tracker.core.api.MouExpired;
import org.tracker.core.api.MouSigned;
import org.tracker.core.api.Provenance;
import org.tracker.core.api.ReportMandated;
import org.tracker.core.api.ReportSubmitted;
import org.tracker.core.api.RollCallVoteCorrected;
import org.tracker.core.api.RollCallVoteRecorded;
import org.tracker.core.api.TrancheFundingRecorded;
import org.tracker.core.api.TrancheScheduled;
import org.tracker.core.api.WaiverExpired;
import org.tracker.core.api.WaiverInvoked;
import org.tracker.core.api.WaiverProvisionRecorded;
import org.tracker.core.api.WaiverRenewed;
import org.tracker.core.api.WaiverRevoked;

/**
 * One fact in a measure's timeline, in words: what happened, the day it took effect in Washington, when the tracker
 * learned it, where from (a link when the source is a web page), and the page it leads to, if any.
 *
 * @param link a page of this tracker the fact leads to (a vote, a resolution), or null
 */
public record TimelineEntry(
        long sequence,
        String kind,
        String text,
        LocalDate effectiveOn,
        Instant effectiveAt,
        Instant recordedAt,
        String recordedText,
        String source,
        String sourceUrl,
        String submittedBy,
        String link,
        String linkText,
        boolean setback) {

    private static final DateTimeFormatter RECORDED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

    static TimelineEntry of(DomainEventMessage<?> message) {
        MeasureEvent event = (MeasureEvent) message.getPayload();
        Provenance provenance = event.provenance();
        String[] described = describe(event);
        String link = described.length > 2 ? described[2] : null;
        return new TimelineEntry(
                message.getSequenceNumber(),
                described[0],
                described[1],
                CongressTime.dayOf(provenance.effectiveAt()),
                provenance.effectiveAt(),
                provenance.recordedAt(),
                RECORDED.format(provenance.recordedAt()),
                provenance.source(),
                webPage(provenance.source()),
                provenance.submittedBy(),
                link,
                described.length > 3 ? described[3] : null,
                event instanceof BillStatusChanged changed
                                && StatusText.isSetback(changed.to().code())
                        || event instanceof RollCallVoteRecorded vote && !vote.passed());
    }

    /** @return what kind of fact, its text, and optionally a link and its text */
    private static String[] describe(MeasureEvent event) {
        if (event instanceof BillIntroduced e) {
            return new String[] {"Introduced", "Introduced by " + member(e.sponsor()) + ": " + e.title()};
        }
        if (event instanceof BillActionRecorded e) {
            if (e.action().recordedVote() != null) {
                String voteId = e.action().recordedVote().voteId();
                return new String[] {"Action", e.action().text(), "/votes/" + voteId, MeasureCitation.of(voteId, null)};
            }
            return new String[] {"Action", e.action().text()};
        }
        if (event instanceof BillStatusChanged e) {
            return new String[] {"Status", StatusText.of(e.to().code())};
        }
        if (event instanceof BillTitleAssigned e) {
            return new String[] {"Title", e.titleType() + ": " + e.title()};
        }
        if (event instanceof CosponsorAdded e) {
            return new String[] {
                "Cosponsor", (e.original() ? "Original cosponsor: " : "Cosponsor added: ") + member(e.cosponsor())
            };
        }
        if (event instanceof CosponsorWithdrawn e) {
            return new String[] {"Cosponsor", "Cosponsorship withdrawn: " + e.bioguideId()};
        }
        if (event instanceof LawRecorded e) {
            return new String[] {"Law", "Became " + e.lawType() + " law " + e.lawNumber()};
        }
        if (event instanceof RollCallVoteRecorded e) {
            return new String[] {
                "Vote",
                e.question() + ": " + e.result() + ", " + e.totals().yea() + "–"
                        + e.totals().nay(),
                "/votes/" + e.voteId(),
                MeasureCitation.of(e.voteId(), null)
            };
        }
        if (event instanceof RollCallVoteCorrected e) {
            return new String[] {
                "Vote",
                "Corrected: " + e.result() + ", " + e.totals().yea() + "–"
                        + e.totals().nay()
            };
        }
        if (event instanceof ArmsSaleNotified e) {
            return new String[] {
                "Notified",
                "Transmittal " + e.transmittalNumber() + " to Congress: " + e.recipient() + ", " + e.articles() + " ("
                        + dollars(e.valueUsd()) + "); " + e.reviewDays() + "-day review closes " + e.reviewClosesOn()
            };
        }
        if (event instanceof DisapprovalResolutionFiled e) {
            return new String[] {
                "Resolution",
                "Joint resolution of disapproval filed",
                "/measures/" + e.resolutionId(),
                MeasureCitation.of(e.resolutionId(), null)
            };
        }
        if (event instanceof WaiverProvisionRecorded e) {
            return new String[] {"Provision", e.citation() + ": " + e.title()};
        }
        if (event instanceof WaiverInvoked e) {
            return new String[] {
                "Invoked",
                "Determination of " + e.determinedOn() + " for " + e.subject() + ", effective " + e.effectiveOn()
                        + (e.expiresOn() == null ? "" : ", expires " + e.expiresOn())
            };
        }
        if (event instanceof WaiverRenewed e) {
            return new String[] {
                "Renewed",
                "Renewed on " + e.determinedOn() + (e.expiresOn() == null ? "" : ", expires " + e.expiresOn())
            };
        }
        if (event instanceof WaiverExpired e) {
            return new String[] {"Expired", "Expired on " + e.expiredOn()};
        }
        if (event instanceof WaiverRevoked e) {
            return new String[] {"Revoked", "Revoked on " + e.revokedOn() + ": " + e.reason()};
        }
        if (event instanceof MouSigned e) {
            return new String[] {
                "Signed",
                e.title() + ", FY" + e.firstFiscalYear() + "–FY" + e.lastFiscalYear() + ", signed " + e.signedOn()
            };
        }
        if (event instanceof MouAmended e) {
            return new String[] {"Amended", e.description()};
        }
        if (event instanceof MouExpired e) {
            return new String[] {"Expired", "Period ended " + e.expiredOn()};
        }
        if (event instanceof TrancheScheduled e) {
            return new String[] {
                "Tranche",
                "FY" + e.fiscalYear() + " " + Words.of(e.category().name()) + " scheduled: " + dollars(e.amountUsd())
            };
        }
        if (event instanceof TrancheFundingRecorded e) {
            return new String[] {
                "Funding",
                "FY" + e.fiscalYear() + " " + Words.of(e.category().name()) + " "
                        + Words.of(e.stage().name()) + ": " + dollars(e.amountUsd())
            };
        }
        if (event instanceof ReportMandated e) {
            return new String[] {
                "Mandated", e.title() + ", by " + e.mandatedBy() + (e.dueOn() == null ? "" : "; due " + e.dueOn())
            };
        }
        if (event instanceof ReportSubmitted e) {
            return new String[] {"Submitted", "Submitted " + e.submittedOn() + (e.late() ? " (late)" : "")};
        }
        return new String[] {"Fact", Words.of(event.getClass().getSimpleName())};
    }

    private static String member(Member member) {
        if (member == null) {
            return "unknown";
        }
        StringBuilder text = new StringBuilder(member.name());
        if (member.party() != null || member.state() != null) {
            text.append(" (")
                    .append(member.party() == null ? "?" : member.party())
                    .append('-')
                    .append(member.state() == null ? "?" : member.state())
                    .append(')');
        }
        return text.toString();
    }

    static String dollars(long amount) {
        return "$" + NumberFormat.getIntegerInstance(Locale.US).format(amount);
    }

    /** The web page a source names, if it names one: as given, or after a prefix such as the seed's {@code seed:}. */
    static String webPage(String source) {
        if (source == null) {
            return null;
        }
        int at = source.indexOf("https://");
        if (at < 0) {
            at = source.indexOf("http://");
        }
        if (at < 0 || at > 16 || source.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>')) {
            return null;
        }
        return source.substring(at);
    }
}
