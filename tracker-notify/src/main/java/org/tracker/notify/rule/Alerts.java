package org.tracker.notify.rule;

import java.util.ArrayList;
import java.util.List;
import org.tracker.core.api.MeasureEvent;

/** Which subscriptions alert on the changes an event (or time passing) made to a measure. */
public final class Alerts {

    private Alerts() {}

    /**
     * @param event the event that made the changes, or null when time passing made them
     * @param changes the changes to one measure
     */
    public static List<Alert> decide(
            List<Subscription> subscriptions, MeasureState measure, MeasureEvent event, List<Change> changes) {
        List<Alert> alerts = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            List<Change> selected = changes.stream()
                    .filter(change -> subscription.selects(change, measure, event))
                    .toList();
            if (!selected.isEmpty()) {
                alerts.add(Alert.of(subscription, selected));
            }
        }
        return alerts;
    }
}
