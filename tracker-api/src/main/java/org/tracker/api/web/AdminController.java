package org.tracker.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tracker.api.security.Accounts;
import org.tracker.api.security.Accounts.Account;
import org.tracker.api.security.ApiTokens;

/** What operators do: create accounts and give them tokens. A token is shown once, when it is made. */
@RestController
class AdminController {

    record AccountRequest(String id, String name, String email, Boolean admin) {}

    record IssuedToken(Account account, String token) {}

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final ObjectMapper strictJson;

    AdminController(Accounts accounts, ApiTokens tokens, @Qualifier("strictJson") ObjectMapper strictJson) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.strictJson = strictJson;
    }

    @PostMapping("/api/admin/accounts")
    ResponseEntity<IssuedToken> create(@RequestBody JsonNode body) {
        Account account;
        try {
            AccountRequest request = strictJson.treeToValue(body, AccountRequest.class);
            account = accounts.create(
                    request.id(), request.name(), request.email(), Boolean.TRUE.equals(request.admin()));
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

    @PostMapping("/api/admin/accounts/{id}/tokens")
    ResponseEntity<IssuedToken> issue(@PathVariable String id) {
        Account account = accounts.find(id)
                .orElseThrow(() -> new ErrorResponseException(
                        HttpStatus.NOT_FOUND,
                        Problems.of(
                                HttpStatus.NOT_FOUND,
                                "not-found",
                                "Unknown account",
                                "There is no account '" + id + "'."),
                        null));
        return ResponseEntity.status(201).body(new IssuedToken(account, tokens.issue(account.id())));
    }

    private static ErrorResponseException invalid(String detail, Exception cause) {
        return new ErrorResponseException(
                HttpStatus.BAD_REQUEST,
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid", detail),
                cause);
    }
}
