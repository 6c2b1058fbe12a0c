package dev.patchbay.sandbox;

import dev.patchbay.config.PatchbayProperties;
import dev.patchbay.web.MessageBody;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox upstream of DESIGN §7: a tiny third-party API served by Patchbay itself, so that the
 * demo's instances have something to call without internet access. It checks {@code X-Api-Key}
 * against {@code patchbay.sandbox.api-key} and keeps its orders in memory.
 */
@RestController
@RequestMapping("/sandbox")
class SandboxController {

    record Order(long id, String reference, String totalPrice, String currency, String updatedAt) {}

    record NewOrder(String reference, String totalPrice, String currency) {}

    private final byte[] apiKey;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong(1000);
    private final List<Order> orders = new CopyOnWriteArrayList<>();

    SandboxController(PatchbayProperties properties, Clock clock) {
        this.apiKey = properties.sandbox().apiKey().getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).withNano(0);
        for (int day = 5; day >= 1; day--) {
            orders.add(new Order(ids.incrementAndGet(), "SB-" + day, day + "9.00", "GBP", now.minusDays(day).toString()));
        }
    }

    @GetMapping("/ping")
    ResponseEntity<?> ping(@RequestHeader(value = "X-Api-Key", required = false) String key) {
        if (!accepted(key)) {
            return unauthorized();
        }
        return ResponseEntity.ok(Map.of("status", "ok", "time", OffsetDateTime.now(clock).toString()));
    }

    @GetMapping("/orders")
    ResponseEntity<?> orders(@RequestHeader(value = "X-Api-Key", required = false) String key,
            @RequestParam(value = "updated_since", required = false) String updatedSince) {
        if (!accepted(key)) {
            return unauthorized();
        }
        try {
            OffsetDateTime since = updatedSince == null ? null : OffsetDateTime.parse(updatedSince);
            return ResponseEntity.ok(Map.of("orders", orders.stream()
                    .filter(order -> since == null || !OffsetDateTime.parse(order.updatedAt()).isBefore(since))
                    .toList()));
        } catch (DateTimeParseException e) {
            return ResponseEntity.badRequest().body(new MessageBody("updated_since must be an ISO-8601 date-time."));
        }
    }

    @PostMapping("/orders")
    ResponseEntity<?> create(@RequestHeader(value = "X-Api-Key", required = false) String key,
            @RequestBody(required = false) NewOrder order) {
        if (!accepted(key)) {
            return unauthorized();
        }
        if (order == null || order.reference() == null || order.reference().isBlank()) {
            return ResponseEntity.unprocessableContent().body(new MessageBody("reference is required."));
        }
        if (orders.size() >= 1000) {
            orders.remove(0); // a demo, not a database: keep memory bounded
        }
        Order created = new Order(ids.incrementAndGet(), order.reference(), order.totalPrice(), order.currency(),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).toString());
        orders.add(created);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("order", created));
    }

    private boolean accepted(String key) {
        return key != null && MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<MessageBody> unauthorized() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(new MessageBody("Invalid or missing X-Api-Key."));
    }
}
