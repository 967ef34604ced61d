package shop.inventory.handler;

import java.time.Clock;
import shop.inventory.adapter.dynamodb.DynamoDbReservations;
import shop.inventory.adapter.dynamodb.DynamoDbStock;
import shop.inventory.adapter.metrics.EmfShortageMetrics;
import shop.inventory.adapter.outbox.OutboxInventoryEvents;
import shop.inventory.application.ReleaseStock;
import shop.inventory.application.ReserveStock;
import shop.inventory.application.SeedStock;
import shop.inventory.application.SettleStock;
import shop.platform.aws.AwsClients;
import shop.platform.aws.Environment;
import shop.platform.outbox.Outbox;
import shop.platform.outbox.PublishSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Builds the inventory's objects from the function's environment, once per JVM (Lambda's init phase). */
final class Wiring {

    private static final String SERVICE = "inventory-service";

    private Wiring() {
    }

    /** The SDK clients and the table of this function instance, built once, on first use. */
    private static final class Clients {
        static final DynamoDbClient DYNAMO = AwsClients.build(DynamoDbClient.builder());
        static final EventBridgeClient EVENTS = AwsClients.build(EventBridgeClient.builder());
        static final String TABLE = Environment.required("TABLE_NAME");
    }

    static ReserveStock reserveStock() {
        return new ReserveStock(reservations(), new OutboxInventoryEvents(outbox()), new EmfShortageMetrics(
                Environment.optional("METRICS_NAMESPACE", "shop"), Environment.optional("SERVICE_NAME", SERVICE), Clock.systemUTC()),
                Clock.systemUTC());
    }

    static ReleaseStock releaseStock() {
        return new ReleaseStock(reservations());
    }

    static SettleStock settleStock() {
        return new SettleStock(reservations());
    }

    static SeedStock seedStock() {
        return new SeedStock(stock());
    }

    /** SnapStart priming: a read of a key no item has, and a PutEvents the service refuses; nothing changes. */
    static void primeClients() {
        AwsClients.primeTable(Clients.DYNAMO, Clients.TABLE, "pk", "sk");
        AwsClients.primeBus(Clients.EVENTS);
    }

    private static DynamoDbStock stock() {
        return new DynamoDbStock(Clients.DYNAMO, Clients.TABLE);
    }

    private static DynamoDbReservations reservations() {
        return new DynamoDbReservations(Clients.DYNAMO, Clients.TABLE, Clock.systemUTC());
    }

    /** The bus is read here, not in Clients: the seed function shares this class and publishes nothing. */
    private static Outbox outbox() {
        return PublishSettings.fromEnvironment().outbox(Clients.DYNAMO, Clients.EVENTS, Clients.TABLE, "pk", "sk");
    }
}
