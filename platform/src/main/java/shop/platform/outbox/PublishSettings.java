package shop.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import shop.platform.aws.Environment;
import shop.platform.events.EventBridgePublisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * How a producing function publishes, the same for every context: its bus, how many PutEvents attempts and the first
 * backoff between them, and how long the relay leaves a fresh owed event to the request still publishing it.
 * Read from the environment in one place; a context's {@code Wiring} adds only its own table and key.
 */
public record PublishSettings(String busName, int publishAttempts, Duration firstBackoff, Duration relayGrace) {

    public PublishSettings {
        if (busName == null || busName.isBlank()) {
            throw new IllegalArgumentException("busName is required");
        }
        if (publishAttempts < 1) {
            throw new IllegalArgumentException("publishAttempts must be at least 1");
        }
        if (firstBackoff.isNegative() || relayGrace.isNegative()) {
            throw new IllegalArgumentException("firstBackoff and relayGrace must not be negative");
        }
    }

    /**
     * {@code EVENT_BUS_NAME} (required), {@code PUBLISH_ATTEMPTS} (3), {@code PUBLISH_FIRST_BACKOFF_MS} (50),
     * {@code OUTBOX_RELAY_GRACE_SECONDS} (60).
     */
    public static PublishSettings fromEnvironment() {
        return new PublishSettings(Environment.required("EVENT_BUS_NAME"),
                Integer.parseInt(Environment.optional("PUBLISH_ATTEMPTS", "3")),
                Duration.ofMillis(Long.parseLong(Environment.optional("PUBLISH_FIRST_BACKOFF_MS", "50"))),
                Duration.ofSeconds(Long.parseLong(Environment.optional("OUTBOX_RELAY_GRACE_SECONDS", "60"))));
    }

    /** The outbox of {@code table}, whose key is {@code keyAttributes} (hash, then range if any), publishing to this bus. */
    public Outbox outbox(DynamoDbClient dynamo, EventBridgeClient events, String table, String... keyAttributes) {
        return new Outbox(new DynamoDbOutbox(dynamo, table, keyAttributes),
                new EventBridgePublisher(events, busName, publishAttempts, firstBackoff));
    }

    /** The relay of {@code outbox}, leaving events younger than the grace to their request. */
    public OutboxRelay relay(Outbox outbox, Clock clock) {
        return new OutboxRelay(outbox, clock, relayGrace);
    }
}
