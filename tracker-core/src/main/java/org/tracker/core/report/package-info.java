/** Reports and certifications that a law or directive requires of the executive by a date. */
package org.tracker.core.report;
