package shop.packaging.handler;

import java.time.Clock;
import shop.packaging.adapter.dynamodb.DynamoDbParcels;
import shop.packaging.application.CancelParcel;
import shop.packaging.application.CreateParcel;
import shop.packaging.application.ShipParcel;
import shop.platform.aws.AwsClients;
import shop.platform.aws.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds the package context's objects from the function's environment, once per JVM (Lambda's init phase). */
final class Wiring {

    private Wiring() {
    }

    private static final class Clients {
        static final DynamoDbClient DYNAMO = AwsClients.build(DynamoDbClient.builder());
        static final String TABLE = Environment.required("TABLE_NAME");
        static final DynamoDbParcels PARCELS = new DynamoDbParcels(DYNAMO, TABLE, Clock.systemUTC());
    }

    /** SnapStart priming: a read of a key no item has, so the client's whole path runs and nothing changes. */
    static void primeClients() {
        Clients.DYNAMO.getItem(r -> r.tableName(Clients.TABLE).key(java.util.Map.of(
                "pk", AttributeValue.fromS("#priming"), "sk", AttributeValue.fromS("#priming"))));
    }

    static CreateParcel createParcel() {
        return new CreateParcel(Clients.PARCELS);
    }

    static CancelParcel cancelParcel() {
        return new CancelParcel(Clients.PARCELS);
    }

    static ShipParcel shipParcel() {
        return new ShipParcel(Clients.PARCELS);
    }
}
