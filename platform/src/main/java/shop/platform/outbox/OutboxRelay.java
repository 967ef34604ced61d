package shop.platform.outbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import shop.platform.json.Json;
import shop.platform.logging.LambdaLogging;

/**
 * The scheduled relay of one producer's table, as a Lambda invocation: publishes what items still owe (events whose
 * PutEvents failed, or whose function died between its write and its publish), writes the report, and fails the run
 * while anything is still owed after transient failures (the bus down or throttling), so it shows in metrics and the
 * relay's dead-letter alarm. Events the bus refused for good are parked, not owed: a run that parks them succeeds.
 * Events younger than the grace period are left to the request still publishing them: a duplicate would be harmless,
 * but needless.
 */
public final class OutboxRelay {

    /** Items per run: a run must end before the next tick; what is left waits a minute. */
    static final int BATCH = 100;

    private final Outbox outbox;
    private final Clock clock;
    private final Duration grace;

    public OutboxRelay(Outbox outbox, Clock clock, Duration grace) {
        this.outbox = outbox;
        this.clock = clock;
        this.grace = grace;
    }

    public Outbox.RelayReport run() {
        return outbox.relay(clock.instant().minus(grace), BATCH);
    }

    /**
     * The whole invocation. The schedule's event carries nothing the relay needs: it runs a pass. An operator's direct
     * invoke may instead ask {@code {"listParked": true}} (the parked events, with their reasons) or
     * {@code {"republishParked": ["<eventId>", ...]}} ({@code "all"} for every one) after fixing what the bus refused.
     */
    public void handle(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request = readRequest(input.readAllBytes());
        if (request.path("listParked").asBoolean(false)) {
            ArrayNode parked = Json.array();
            LambdaLogging.withCorrelationId(context, "relay-" + UUID.randomUUID(), outbox::parked).forEach(event -> {
                ObjectNode node = parked.addObject().put("eventId", event.eventId()).put("detailType", event.detailType())
                        .put("reason", event.reason()).put("parkedAt", event.parkedAt());
                event.key().forEach((name, value) -> node.withObjectProperty("key").put(name, value.s() != null ? value.s() : value.n()));
            });
            output.write(Json.bytes(Json.object().set("parked", parked)));
            return;
        }
        Outbox.RelayReport report;
        if (request.has("republishParked")) {
            Set<String> ids = new HashSet<>();
            request.path("republishParked").forEach(id -> ids.add(id.asText()));
            if (ids.isEmpty() && !request.path("republishParked").asText("").equals("all")) {
                throw new IllegalArgumentException("republishParked must be \"all\" or a list of event ids");
            }
            report = LambdaLogging.withCorrelationId(context, "republish-" + UUID.randomUUID(), () -> outbox.republishParked(ids));
        } else {
            report = LambdaLogging.withCorrelationId(context, "relay-" + UUID.randomUUID(), this::run);
        }
        output.write(Json.bytes(report));
        if (report.eventsStillOwed() > 0) {
            throw new IllegalStateException(report.eventsStillOwed() + " event(s) could not be published; they stay in the outbox");
        }
    }

    private static JsonNode readRequest(byte[] bytes) {
        try {
            JsonNode request = Json.read(bytes);
            return request.isObject() ? request : Json.object();
        } catch (IOException e) {
            return Json.object(); // a schedule's event is JSON; anything else asks for nothing but a pass
        }
    }
}
