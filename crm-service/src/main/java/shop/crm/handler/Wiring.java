package shop.crm.handler;

import shop.crm.adapter.dynamodb.DynamoDbCustomerOrders;
import shop.crm.application.CustomerOrders;
import shop.crm.application.ReadCancellationInsight;
import shop.crm.application.RecordCancellation;
import shop.crm.application.RecordOrderPlaced;
import shop.platform.aws.AwsClients;
import shop.platform.aws.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds the use cases from plain constructors, once per container (static init, so SnapStart snapshots them).
 * The DynamoDB endpoint comes from AWS_ENDPOINT_URL[_DYNAMODB] through the SDK itself.
 */
public final class Wiring {

    private static final class Clients {
        static final DynamoDbClient DYNAMO = AwsClients.build(DynamoDbClient.builder());
        static final String TABLE = Environment.required("TABLE_NAME");
    }

    private static final class Holder {
        static final CustomerOrders ORDERS = customerOrders(Clients.DYNAMO, Clients.TABLE);
    }

    /** SnapStart priming: a read of a key no item has, so the client's whole path runs and nothing changes. */
    static void primeClients() {
        Clients.DYNAMO.getItem(r -> r.tableName(Clients.TABLE).key(java.util.Map.of(
                "pk", AttributeValue.fromS("#priming"), "sk", AttributeValue.fromS("#priming"))));
    }

    private Wiring() {
    }

    static RecordOrderPlaced recordOrderPlaced() {
        return new RecordOrderPlaced(Holder.ORDERS);
    }

    static RecordCancellation recordCancellation() {
        return new RecordCancellation(Holder.ORDERS);
    }

    static ReadCancellationInsight readCancellationInsight() {
        return new ReadCancellationInsight(Holder.ORDERS);
    }

    public static CustomerOrders customerOrders(DynamoDbClient dynamo, String table) {
        return new DynamoDbCustomerOrders(dynamo, table);
    }

    /** The event handler over the given client and table (tests): same wiring as Lambda's. */
    public static OrderEventHandler handler(DynamoDbClient dynamo, String table) {
        CustomerOrders orders = customerOrders(dynamo, table);
        return new OrderEventHandler(new RecordOrderPlaced(orders), new RecordCancellation(orders));
    }
}
