package org.tracker.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The accounts' bearer tokens, kept as hashes. */
@Component
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    public ApiTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Who presents a token: its account and that account's roles. */
    public record Caller(String account, Set<Role> roles) {}

    /** The caller a presented token belongs to, if any. */
    public Optional<Caller> callerOf(String token) {
        return callerOfHash(sha256(token));
    }

    /** The caller a token known only by its hash (as a signed-in page's session keeps it) belongs to, if any. */
    public Optional<Caller> callerOfHash(String tokenSha256) {
        List<Caller> callers = jdbc.query(
                "select t.account, a.roles from api_token t join account a on a.id = t.account where t.token_sha256 = ?",
                (rs, n) -> new Caller(rs.getString("account"), Accounts.roles(rs.getArray("roles"))),
                tokenSha256);
        return callers.stream().findFirst();
    }

    /** Creates a token for an account and returns it; only its hash is stored, so it cannot be shown again. */
    public String issue(String account) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "trk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        register(account, sha256(token));
        return token;
    }

    /** Files a token that an operator generated elsewhere, given only its hash. */
    public void register(String account, String tokenSha256) {
        if (!tokenSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a token hash is 64 lower-case hex digits (SHA-256)");
        }
        jdbc.update(
                "insert into api_token (token_sha256, account) values (?, ?) on conflict (token_sha256) do nothing",
                tokenSha256,
                account);
    }

    /** @return how many tokens the account held */
    public int revokeAll(String account) {
        return jdbc.update("delete from api_token where account = ?", account);
    }

    public boolean none() {
        Integer count = jdbc.queryForObject("select count(*) from api_token", Integer.class);
        return count == null || count == 0;
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
