package shop.packaging.handler;

import java.time.Clock;
import shop.packaging.adapter.dynamodb.DynamoDbParcels;
import shop.packaging.application.CancelParcel;
import shop.packaging.application.CreateParcel;
import shop.packaging.application.Parcels;
import shop.packaging.application.ShipParcel;
import shop.platform.aws.AwsClients;
import shop.platform.aws.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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

    /** SnapStart priming: a read of a key no item has, so the client's whole path runs and nothing changes. */
    static void primeClients() {
        AwsClients.primeTable(Clients.DYNAMO, Clients.TABLE, "pk", "sk");
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
