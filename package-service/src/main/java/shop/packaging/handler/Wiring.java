package shop.packaging.handler;

import java.time.Clock;
import shop.packaging.adapter.dynamodb.DynamoDbParcels;
import shop.packaging.adapter.outbox.OutboxParcelEvents;
import shop.packaging.application.CancelParcel;
import shop.packaging.application.CreateParcel;
import shop.packaging.application.Parcels;
import shop.packaging.application.ShipParcel;
import shop.platform.aws.AwsClients;
import shop.platform.aws.Environment;
import shop.platform.outbox.Outbox;
import shop.platform.outbox.PublishSettings;
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
        static final Outbox OUTBOX = PublishSettings.fromEnvironment().outbox(Clients.DYNAMO, EVENTS, Clients.TABLE, "pk", "sk");
    }

    /** SnapStart priming: a read of a key no item has, so the client's whole path runs and nothing changes. */
    static void primeClients() {
        AwsClients.primeTable(Clients.DYNAMO, Clients.TABLE, "pk", "sk");
    }

    /** As {@link #primeClients()}, plus a PutEvents the service refuses (no entries): nothing is published. */
    static void primePublishingClients() {
        primeClients();
        AwsClients.primeBus(Bus.EVENTS);
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
}
