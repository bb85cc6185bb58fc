/**
 * Roll calls as the chambers publish them: the Senate's {@code roll_call_vote} XML and the House Clerk's {@code
 * rollcall-vote} XML, read into one {@link org.tracker.imports.rollcall.RollCallRecord} and from it into the command
 * that records the vote: totals, result, question, each member's position, and the measure voted on. A bill's actions
 * only cite a roll call by number; these files are where its count and its members' positions come from.
 */
package org.tracker.imports.rollcall;
