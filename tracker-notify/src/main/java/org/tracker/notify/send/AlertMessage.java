package org.tracker.notify.send;

import java.util.List;
import java.util.UUID;
import org.tracker.notify.rule.Alert;
import org.tracker.notify.rule.Change;

/**
 * One alert as its recipient is told it: the measure as it stood once the change was made, the change, and every
 * change of the same event that the subscription selected.
 *
 * @param measureLink where the recipient reads the measure in the tracker
 */
public record AlertMessage(
        UUID alertId,
        UUID subscriptionId,
        String subscriptionName,
        String measureId,
        String measureKind,
        String measureTitle,
        String measureStatus,
        String measureLink,
        Change change,
        List<String> reasons)
        implements Message {

    /** @param publicUrl the tracker's address as recipients reach it, without a trailing slash */
    public static AlertMessage of(Alert alert, String kind, String title, String status, String publicUrl) {
        String measureId = alert.change().measureId();
        return new AlertMessage(
                alert.id(),
                alert.subscription().id(),
                alert.subscription().name(),
                measureId,
                kind,
                title,
                status,
                publicUrl + "/api/measures/" + measureId,
                alert.change(),
                alert.reasons());
    }
}
