/**
 * Memoranda of Understanding on security assistance (the 2016 MoU for FY2019-2028 and its successors): what they
 * commit, the yearly tranches they schedule, and how each year's money was appropriated, obligated and disbursed.
 */
package org.tracker.core.mou;
