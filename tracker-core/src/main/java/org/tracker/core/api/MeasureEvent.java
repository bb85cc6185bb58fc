package org.tracker.core.api;

/** What every event of the tracker has: the measure it is about and where it came from. */
public interface MeasureEvent {

    String measureId();

    Provenance provenance();
}
