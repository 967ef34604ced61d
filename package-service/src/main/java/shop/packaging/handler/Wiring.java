package shop.packaging.handler;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import shop.packaging.adapter.dynamodb.DynamoDbParcels;
import shop.packaging.adapter.outbox.OutboxParcelEvents;
import shop.packaging.application.CancelParcel;
import shop.packaging.application.CreateParcel;
import shop.packaging.application.Parcels;
import shop.packaging.application.ShipParcel;
import shop.platform.aws.AwsClients;
import shop.platform.aws.Environment;
import shop.platform.events.EventBridgePublisher;
import shop.platform.outbox.DynamoDbOutbox;
import shop.platform.outbox.Outbox;
import shop.platform.outbox.OutboxRelay;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Builds the package context's objects from the function's environment, once per JVM (Lambda's init phase). */
final class Wiring {

    private Wiring() {
    }

    /** The clients and what is built on them, created once at init (static, so SnapStart snapshots them). */
    private static final class Clients {
        static final DynamoDbClient DYNAMO = AwsClients.build(DynamoDbClient.builder());
        static final String TABLE = Environment.required("TABLE_NAME");
        static final Parcels PARCELS = new DynamoDbParcels(DYNAMO, TABLE, Clock.systemUTC());
    }

    /** The bus, apart from Clients: the order-event consumer publishes nothing and has no EVENT_BUS_NAME. */
    private static final class Bus {
        static final EventBridgeClient EVENTS = AwsClients.build(EventBridgeClient.builder());
        static final Outbox OUTBOX = new Outbox(new DynamoDbOutbox(Clients.DYNAMO, Clients.TABLE, "pk", "sk"),
                new EventBridgePublisher(EVENTS, Environment.required("EVENT_BUS_NAME"),
                        Integer.parseInt(Environment.optional("PUBLISH_ATTEMPTS", "3")),
                        Duration.ofMillis(Long.parseLong(Environment.optional("PUBLISH_FIRST_BACKOFF_MS", "50")))));
    }

    /** SnapStart priming: a read of a key no item has, so the client's whole path runs and nothing changes. */
    static void primeClients() {
        AwsClients.primeTable(Clients.DYNAMO, Clients.TABLE, "pk", "sk");
    }

    /** As {@link #primeClients()}, plus a PutEvents the service refuses (no entries): nothing is published. */
    static void primePublishingClients() {
        primeClients();
        try {
            Bus.EVENTS.putEvents(r -> r.entries(List.of()));
        } catch (SdkServiceException refused) {
            // expected: at least one entry is required
        }
    }

    static CreateParcel createParcel() {
        return new CreateParcel(Clients.PARCELS);
    }

    static CancelParcel cancelParcel() {
        return new CancelParcel(Clients.PARCELS);
    }

    static ShipParcel shipParcel() {
        return new ShipParcel(Clients.PARCELS, new OutboxParcelEvents(Bus.OUTBOX), Clock.systemUTC());
    }

    static OutboxRelay outboxRelay() {
        return new OutboxRelay(Bus.OUTBOX, Clock.systemUTC(),
                Duration.ofSeconds(Long.parseLong(Environment.optional("OUTBOX_RELAY_GRACE_SECONDS", "60"))));
    }
}
