package org.tracker.notify.web;

import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.tracker.core.api.FactCalendar;
import org.tracker.notify.store.AlertAudit;
import org.tracker.notify.store.AlertQuery;
import org.tracker.notify.store.AuditedAlert;

/**
 * Whom the tracker alerted and why: an account's own alerts, and across accounts for auditors (the tracker lets only
 * operators reach {@code /api/admin}). Each alert comes with its cause, the conditions that selected it, its message,
 * and every delivery with every attempt. Newest first; when more remain, a {@code Link: <...>; rel="next"} header
 * gives the next page.
 */
@RestController
class AlertController {

    private static final Logger log = LoggerFactory.getLogger(AlertController.class);

    private final AlertAudit audit;
    private final Clock clock;

    AlertController(AlertAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/alerts")
    ResponseEntity<List<AuditedAlert>> own(
            @RequestParam(required = false) String measure,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor,
            Principal caller) {
        AlertQuery query = AlertParameters.read(
                FactCalendar.at(clock.instant()), caller.getName(), measure, from, since, to, limit, cursor);
        return page("/api/alerts", query, false);
    }

    @GetMapping("/api/admin/alerts")
    ResponseEntity<List<AuditedAlert>> anyAccount(
            @RequestParam(required = false) String account,
            @RequestParam(required = false) String measure,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor,
            Principal caller) {
        AlertQuery query = AlertParameters.read(
                FactCalendar.at(clock.instant()), account, measure, from, since, to, limit, cursor);
        // Reading other accounts' alerts is itself something an auditor of the tracker may ask about.
        log.atInfo()
                .setMessage("alerts read across accounts")
                .addKeyValue("auditor", caller.getName())
                .addKeyValue("account", query.account())
                .addKeyValue("measure", query.measure())
                .addKeyValue("from", query.from())
                .addKeyValue("to", query.to())
                .log();
        return page("/api/admin/alerts", query, true);
    }

    private ResponseEntity<List<AuditedAlert>> page(String path, AlertQuery query, boolean withAccount) {
        AlertAudit.Page page = audit.find(query);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (page.next() != null) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (withAccount) {
                parameters.put("account", query.account());
            }
            parameters.put("measure", query.measure());
            parameters.put("from", query.from());
            parameters.put("to", query.to());
            parameters.put("limit", query.limit());
            parameters.put("cursor", AlertParameters.cursor(page.next()));
            parameters.values().removeIf(Objects::isNull);
            UriComponentsBuilder next = UriComponentsBuilder.fromPath(path);
            parameters.keySet().forEach(name -> next.queryParam(name, "{" + name + "}"));
            answer.header(
                    HttpHeaders.LINK,
                    "<" + next.encode().buildAndExpand(parameters).toUriString() + ">; rel=\"next\"");
        }
        return answer.body(page.alerts());
    }
}
