package org.tracker.core.measure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** One measure as dashboards see it. Fields are public because this is a row, not an object with behaviour. */
public class MeasureRow {

    public final String measureId;
    public String kind;
    public String title;
    public String chamber;
    public Integer congress;
    public String status;
    public LocalDate statusSince;
    public LocalDate lastActionDate;
    public String lastActionText;
    public LocalDate nextDeadline;
    public String nextDeadlineLabel;
    public String latestVoteId;
    public LocalDate latestVoteDate;
    public String latestVoteQuestion;
    public String latestVoteResult;
    public Integer latestVoteYea;
    public Integer latestVoteNay;
    public Integer latestVotePresent;
    public Integer latestVoteNotVoting;
    public Map<String, Object> details = new LinkedHashMap<>();
    public String source;
    public long lastSequence = -1;
    public Instant updatedAt;

    public MeasureRow(String measureId) {
        this.measureId = measureId;
    }
}
