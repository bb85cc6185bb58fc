package org.tracker.imports.congressgov;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * What the congress.gov API answers about one bill: the bill itself and every page of its actions, cosponsors and
 * titles. Together they say what one BILLSTATUS file says.
 *
 * @param bill the response of {@code /bill/{congress}/{type}/{number}}, whose {@code bill} member describes it
 * @param cosponsorPages none when the bill has no cosponsors: the API is not asked then
 */
public record BillResponses(
        JsonNode bill, List<JsonNode> actionPages, List<JsonNode> cosponsorPages, List<JsonNode> titlePages) {

    public BillResponses {
        Objects.requireNonNull(bill, "the bill's own response");
        actionPages = List.copyOf(actionPages);
        cosponsorPages = List.copyOf(cosponsorPages);
        titlePages = List.copyOf(titlePages);
    }
}
