package org.tracker.api.security;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tracker.notify.AccountContacts;

/** The tracker's accounts: who submits facts and who owns subscriptions. Operators are admins. */
@Component
public class Accounts implements AccountContacts {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

    private final JdbcTemplate jdbc;

    public Accounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Account(String id, String name, String email, boolean admin) {}

    /** @throws IllegalArgumentException when the id is malformed or taken */
    public Account create(String id, String name, String email, boolean admin) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "An account id is 1 to 128 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("'" + email + "' is not an email address.");
        }
        try {
            jdbc.update("insert into account (id, name, email, admin) values (?, ?, ?, ?)", id, name, email, admin);
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("The account '" + id + "' exists already.");
        }
        return new Account(id, name, email, admin);
    }

    public Optional<Account> find(String id) {
        return jdbc.query("select id, name, email, admin from account where id = ?", this::row, id).stream()
                .findFirst();
    }

    public List<Account> all() {
        return jdbc.query("select id, name, email, admin from account order by id", this::row);
    }

    @Override
    public Optional<String> emailOf(String account) {
        return find(account).map(Account::email);
    }

    private Account row(java.sql.ResultSet rs, int rowNumber) throws java.sql.SQLException {
        return new Account(rs.getString("id"), rs.getString("name"), rs.getString("email"), rs.getBoolean("admin"));
    }
}
