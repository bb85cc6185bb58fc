package org.tracker.notify;

import java.util.Optional;

/** Where to reach an account's owner, for what concerns the account itself (an endpoint disabled for failing). */
public interface AccountContacts {

    Optional<String> emailOf(String account);
}
