/**
 * Recording facts over HTTP: one endpoint per kind of fact, each handing its body, its path's ids and the caller to
 * the one submitter that turns them into a command and answers with the events it appended.
 */
package org.tracker.api.facts;
