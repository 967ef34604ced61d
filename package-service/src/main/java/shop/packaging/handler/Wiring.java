package shop.packaging.handler;

import java.time.Clock;
import shop.packaging.adapter.dynamodb.DynamoDbParcels;
import shop.packaging.application.CancelParcel;
import shop.packaging.application.CreateParcel;
import shop.packaging.application.ShipParcel;
import shop.platform.aws.AwsClients;
import shop.platform.aws.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the package context's objects from the function's environment, once per JVM (Lambda's init phase). */
final class Wiring {

    private Wiring() {
    }

    private static final class Clients {
        static final DynamoDbParcels PARCELS = new DynamoDbParcels(AwsClients.build(DynamoDbClient.builder()),
                Environment.required("TABLE_NAME"), Clock.systemUTC());
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
