package shop.crm.handler;

import shop.crm.adapter.dynamodb.DynamoDbCustomerOrders;
import shop.crm.application.CustomerOrders;
import shop.crm.application.ReadCancellationInsight;
import shop.crm.application.RecordCancellation;
import shop.crm.application.RecordOrderPlaced;
import shop.platform.aws.AwsClients;
import shop.platform.aws.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the use cases from plain constructors, once per container (static init, so SnapStart snapshots them).
 * The DynamoDB endpoint comes from AWS_ENDPOINT_URL[_DYNAMODB] through the SDK itself.
 */
public final class Wiring {

    private static final class Holder {
        static final CustomerOrders ORDERS = customerOrders(AwsClients.build(DynamoDbClient.builder()),
                Environment.required("TABLE_NAME"));
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
