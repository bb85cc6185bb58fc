/**
 * Proposed arms sales notified to Congress under AECA §36(b), their review windows, and the joint resolutions of
 * disapproval filed against them.
 */
package org.tracker.core.armssale;
