package org.tracker.api.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tracker.api.security.Accounts.Account;
import org.tracker.api.web.JsonErrors;
import org.tracker.api.web.Problems;

/**
 * What operators do: create accounts, give them tokens and grant them roles. A token is shown once, when it is made.
 */
@RestController
class AccountController {

    /** @param roles the account's roles; {@code STAFFER} when none are named */
    record AccountRequest(String id, String name, String email, List<String> roles) {}

    record RolesRequest(List<String> roles) {}

    record IssuedToken(Account account, String token) {}

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final ObjectMapper strictJson;

    AccountController(Accounts accounts, ApiTokens tokens, @Qualifier("strictJson") ObjectMapper strictJson) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.strictJson = strictJson;
    }

    @PostMapping("/api/admin/accounts")
    ResponseEntity<IssuedToken> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = AccountRequest.class)))
                    @RequestBody
                    JsonNode body) {
        Account account;
        try {
            AccountRequest request = strictJson.treeToValue(body, AccountRequest.class);
            account = accounts.create(
                    request.id(),
                    request.name(),
                    request.email(),
                    request.roles() == null ? EnumSet.of(Role.STAFFER) : roles(request.roles()));
        } catch (JsonProcessingException e) {
            throw invalid(JsonErrors.describe(e), e);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), e);
        }
        return ResponseEntity.created(URI.create("/api/admin/accounts/" + account.id()))
                .body(new IssuedToken(account, tokens.issue(account.id())));
    }

    @GetMapping("/api/admin/accounts")
    List<Account> all() {
        return accounts.all();
    }

    @PutMapping("/api/admin/accounts/{id}/roles")
    Account grant(
            @PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = RolesRequest.class)))
                    @RequestBody
                    JsonNode body) {
        try {
            RolesRequest request = strictJson.treeToValue(body, RolesRequest.class);
            return accounts.grant(id, roles(request.roles())).orElseThrow(() -> unknownAccount(id));
        } catch (JsonProcessingException e) {
            throw invalid(JsonErrors.describe(e), e);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), e);
        }
    }

    private static Set<Role> roles(List<String> names) {
        if (names == null) {
            throw new IllegalArgumentException("'roles' is required: a list such as [\"RECORDER\", \"STAFFER\"].");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(Role.parse(name));
        }
        return roles;
    }

    @PostMapping("/api/admin/accounts/{id}/tokens")
    ResponseEntity<IssuedToken> issue(@PathVariable String id) {
        Account account = accounts.find(id).orElseThrow(() -> unknownAccount(id));
        return ResponseEntity.status(201).body(new IssuedToken(account, tokens.issue(account.id())));
    }

    /** Revokes every token of the account: API calls with them fail at once, and pages signed in with them end. */
    @DeleteMapping("/api/admin/accounts/{id}/tokens")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        Account account = accounts.find(id).orElseThrow(() -> unknownAccount(id));
        tokens.revokeAll(account.id());
        return ResponseEntity.noContent().build();
    }

    private static ErrorResponseException unknownAccount(String id) {
        return new ErrorResponseException(
                HttpStatus.NOT_FOUND,
                Problems.of(HttpStatus.NOT_FOUND, "not-found", "Unknown account", "There is no account '" + id + "'."),
                null);
    }

    private static ErrorResponseException invalid(String detail, Exception cause) {
        return new ErrorResponseException(
                HttpStatus.BAD_REQUEST,
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid", detail),
                cause);
    }
}
