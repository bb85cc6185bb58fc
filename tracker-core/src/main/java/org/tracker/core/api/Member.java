package org.tracker.core.api;

/**
 * A member of Congress as the official record names them.
 *
 * @param bioguideId the Biographical Directory id ({@code S000148}); for Senate roll calls, which use their own ids,
 *     the LIS id ({@code S270})
 */
public record Member(String bioguideId, String name, String party, String state) {

    public Member {
        if (bioguideId == null || bioguideId.isBlank()) {
            throw new IllegalArgumentException("a member needs their bioguide id");
        }
    }
}
