/**
 * Bills and resolutions of all eight types: introduction, titles, sponsors, actions and the status they add up to.
 */
package org.tracker.core.bill;
