package shop.inventory.handler;

import java.time.Clock;
import shop.inventory.adapter.dynamodb.DynamoDbReservations;
import shop.inventory.adapter.dynamodb.DynamoDbStock;
import shop.inventory.adapter.metrics.EmfShortageMetrics;
import shop.inventory.application.ReleaseStock;
import shop.inventory.application.ReserveStock;
import shop.inventory.application.SeedStock;
import shop.platform.aws.AwsClients;
import shop.platform.aws.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds the inventory's objects from the function's environment, once per JVM (Lambda's init phase). */
final class Wiring {

    private static final String SERVICE = "inventory-service";

    private Wiring() {
    }

    private static final class Clients {
        static final DynamoDbClient DYNAMO = AwsClients.build(DynamoDbClient.builder());
        static final String TABLE = Environment.required("TABLE_NAME");
    }

    static ReserveStock reserveStock() {
        return new ReserveStock(stock(), reservations(), new EmfShortageMetrics(
                Environment.optional("METRICS_NAMESPACE", "shop"), Environment.optional("SERVICE_NAME", SERVICE), Clock.systemUTC()));
    }

    /** SnapStart priming: a read of a key no item has, so the client's whole path runs and nothing changes. */
    static void primeClients() {
        Clients.DYNAMO.getItem(r -> r.tableName(Clients.TABLE).key(java.util.Map.of(
                "pk", AttributeValue.fromS("#priming"), "sk", AttributeValue.fromS("#priming"))));
    }

    static ReleaseStock releaseStock() {
        return new ReleaseStock(stock(), reservations());
    }

    static SeedStock seedStock() {
        return new SeedStock(stock());
    }

    private static DynamoDbStock stock() {
        return new DynamoDbStock(Clients.DYNAMO, Clients.TABLE);
    }

    private static DynamoDbReservations reservations() {
        return new DynamoDbReservations(Clients.DYNAMO, Clients.TABLE, Clock.systemUTC());
    }
}
