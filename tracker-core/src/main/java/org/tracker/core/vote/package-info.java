/** Roll-call votes of either chamber: the question, the result, the totals and each member's position. */
package org.tracker.core.vote;
