package org.tracker.api.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tracker.notify.AccountContacts;

/** The tracker's accounts: who submits facts and who owns subscriptions, each with its roles. */
@Component
public class Accounts implements AccountContacts {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    private static final int MAX_NAME = 200;
    private static final int MAX_EMAIL = 254;

    private final JdbcTemplate jdbc;

    public Accounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Account(String id, String name, String email, Set<Role> roles) {}

    /** @throws IllegalArgumentException when the id, name or email is malformed, no role is given, or the id is taken */
    public Account create(String id, String name, String email, Set<Role> roles) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "An account id is 1 to 128 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (name != null && (name.length() > MAX_NAME || name.codePoints().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException(
                    "An account's name is at most " + MAX_NAME + " characters, without control characters.");
        }
        if (email != null
                && (email.length() > MAX_EMAIL
                        || !email.matches("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+"))) {
            throw new IllegalArgumentException("'" + email + "' is not an email address.");
        }
        requireSome(roles);
        try {
            jdbc.update(
                    "insert into account (id, name, email, roles) values (?, ?, ?, ?::varchar(16)[])",
                    id,
                    name,
                    email,
                    arrayLiteral(roles));
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("The account '" + id + "' exists already.");
        }
        return new Account(id, name, email, roles);
    }

    /** Replaces an account's roles; empty when there is no such account. */
    public Optional<Account> grant(String id, Set<Role> roles) {
        requireSome(roles);
        int updated = jdbc.update("update account set roles = ?::varchar(16)[] where id = ?", arrayLiteral(roles), id);
        return updated == 0 ? Optional.empty() : find(id);
    }

    public Optional<Account> find(String id) {
        return jdbc.query("select id, name, email, roles from account where id = ?", Accounts::row, id).stream()
                .findFirst();
    }

    public List<Account> all() {
        return jdbc.query("select id, name, email, roles from account order by id", Accounts::row);
    }

    @Override
    public Optional<String> emailOf(String account) {
        return find(account).map(Account::email);
    }

    private static void requireSome(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException(
                    "An account holds at least one role of " + EnumSet.allOf(Role.class) + ".");
        }
    }

    private static String arrayLiteral(Set<Role> roles) {
        return "{" + String.join(",", roles.stream().map(Role::name).sorted().toList()) + "}";
    }

    static Set<Role> roles(Array column) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : (Object[]) column.getArray()) {
            roles.add(Role.valueOf((String) name));
        }
        return roles;
    }

    private static Account row(ResultSet rs, int rowNumber) throws SQLException {
        return new Account(
                rs.getString("id"), rs.getString("name"), rs.getString("email"), roles(rs.getArray("roles")));
    }
}
