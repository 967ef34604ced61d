package shop.crm.handler;

import shop.crm.adapter.dynamodb.DynamoDbCustomerOrders;
import shop.crm.application.CustomerOrders;
import shop.crm.application.ReadCancellationInsight;
import shop.crm.application.RecordCancellation;
import shop.crm.application.RecordConfirmation;
import shop.crm.application.RecordOrderPlaced;
import shop.crm.application.RecordRejection;
import shop.crm.application.RecordShipment;
import shop.platform.aws.AwsClients;
import shop.platform.aws.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the use cases from plain constructors, once per container (static init, so SnapStart snapshots them).
 * The DynamoDB endpoint comes from AWS_ENDPOINT_URL[_DYNAMODB] through the SDK itself.
 */
public final class Wiring {

    /** The clients and what is built on them, created once at init (static, so SnapStart snapshots them). */
    private static final class Clients {
        static final DynamoDbClient DYNAMO = AwsClients.build(DynamoDbClient.builder());
        static final String TABLE = Environment.required("TABLE_NAME");
        static final CustomerOrders ORDERS = customerOrders(DYNAMO, TABLE);
    }

    private Wiring() {
    }

    /** SnapStart priming: a read of a key no item has, so the client's whole path runs and nothing changes. */
    static void primeClients() {
        AwsClients.primeTable(Clients.DYNAMO, Clients.TABLE, "pk", "sk");
    }

    static RecordOrderPlaced recordOrderPlaced() {
        return new RecordOrderPlaced(Clients.ORDERS);
    }

    static RecordConfirmation recordConfirmation() {
        return new RecordConfirmation(Clients.ORDERS);
    }

    static RecordRejection recordRejection() {
        return new RecordRejection(Clients.ORDERS);
    }

    static RecordCancellation recordCancellation() {
        return new RecordCancellation(Clients.ORDERS);
    }

    static RecordShipment recordShipment() {
        return new RecordShipment(Clients.ORDERS);
    }

    static ReadCancellationInsight readCancellationInsight() {
        return new ReadCancellationInsight(Clients.ORDERS);
    }

    public static CustomerOrders customerOrders(DynamoDbClient dynamo, String table) {
        return new DynamoDbCustomerOrders(dynamo, table);
    }

    /** The event handler over the given client and table (tests): same wiring as Lambda's. */
    public static BusEventHandler handler(DynamoDbClient dynamo, String table) {
        CustomerOrders orders = customerOrders(dynamo, table);
        return new BusEventHandler(new RecordOrderPlaced(orders), new RecordConfirmation(orders),
                new RecordRejection(orders), new RecordCancellation(orders), new RecordShipment(orders));
    }
}
