package org.tracker.api.measures;

/** Filters of the measure list; null means "any". */
public record MeasureQuery(
        String kind, String status, String chamber, Integer congress, String text, int page, int size) {}
