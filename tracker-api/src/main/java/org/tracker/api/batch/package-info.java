/**
 * Many facts in one transaction. One command per transaction costs a commit each, which caps the command path at a
 * few hundred facts a second; imports and the seed send their facts in batches that commit, or fail, together.
 */
package org.tracker.api.batch;
