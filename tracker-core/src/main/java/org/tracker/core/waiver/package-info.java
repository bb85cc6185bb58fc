/**
 * Waivers and exceptions the executive may invoke (FAA §620I, the Leahy laws §620M and 10 U.S.C. 362, provisions of
 * particular Acts): the provision, its invocations, renewals, expiry and revocation.
 */
package org.tracker.core.waiver;
