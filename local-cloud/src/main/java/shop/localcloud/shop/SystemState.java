package shop.localcloud.shop;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What each context holds about an order, read from its own table (the key layouts each context documents on
 * its DynamoDB adapter). Used by {@code demo} and the end-to-end tests to show and check outcomes.
 */
public final class SystemState {

    private final DynamoDbClient dynamo;
    private final Map<String, String> tables;

    SystemState(DynamoDbClient dynamo, Map<String, String> tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    int available(String sku) {
        AttributeValue available = item("InventoryTable", "SKU#" + sku, "STOCK").get("available");
        return available == null ? -1 : Integer.parseInt(available.n());
    }

    /** A counter of a sku's stock item: available, held or shipped (-1 when absent). */
    long counter(String sku, String name) {
        AttributeValue value = item("InventoryTable", "SKU#" + sku, "STOCK").get(name);
        return value == null ? -1 : Long.parseLong(value.n());
    }

    String reservation(String orderId) {
        return status(item("InventoryTable", "ORDER#" + orderId, "RESERVATION"));
    }

    String parcel(String orderId) {
        return status(item("PackageTable", "PARCEL#" + orderId, "PARCEL"));
    }

    /** ORDER_CONFIRMATION, REJECTION_NOTICE or CANCELLATION_NOTICE: SENT, SKIPPED, ... */
    String message(String orderId, String kind) {
        return status(item("NotificationTable", "ORDER#" + orderId, "MESSAGE#" + kind));
    }

    /** The CRM timeline of one order: the steps crm applied, in lifecycle order (e.g. "PLACED CONFIRMED CANCELLED CHANGED_MIND"). */
    String timeline(String customerId, String orderId) {
        Map<String, AttributeValue> item = item("CrmTable", "CUSTOMER#" + customerId, "ORDER#" + orderId);
        StringBuilder steps = new StringBuilder();
        if (item.containsKey("placedEventId")) {
            steps.append(" PLACED");
        }
        if (item.containsKey("confirmedEventId")) {
            steps.append(" CONFIRMED");
        }
        if (item.containsKey("rejectedEventId")) {
            steps.append(" REJECTED ").append(item.getOrDefault("rejectionReason", AttributeValue.fromS("?")).s());
        }
        if (item.containsKey("shippedEventId")) {
            steps.append(" SHIPPED");
        }
        if (item.containsKey("cancelledEventId")) {
            steps.append(" CANCELLED ").append(item.getOrDefault("reason", AttributeValue.fromS("?")).s());
        }
        return steps.isEmpty() ? "(none)" : steps.substring(1);
    }

    private static String status(Map<String, AttributeValue> item) {
        AttributeValue status = item.get("status");
        return status == null ? "(none)" : status.s();
    }

    private Map<String, AttributeValue> item(String table, String pk, String sk) {
        String name = tables.get(table);
        if (name == null) {
            return Map.of();
        }
        return dynamo.getItem(b -> b.tableName(name).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }
}
