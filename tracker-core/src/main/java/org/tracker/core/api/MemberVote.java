package org.tracker.core.api;

public record MemberVote(Member member, VotePosition position) {}
