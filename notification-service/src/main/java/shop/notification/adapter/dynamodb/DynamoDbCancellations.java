package shop.notification.adapter.dynamodb;

import static shop.notification.adapter.dynamodb.NotificationKeys.s;

import java.time.Instant;
import java.util.Map;
import shop.notification.application.Cancellations;
import shop.notification.domain.OrderId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The per-order cancellation mark, item {@code ORDER#<orderId> / ORDER}. */
public final class DynamoDbCancellations implements Cancellations {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbCancellations(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(OrderId orderId, Instant cancelledAt, String eventId) {
        // if_not_exists keeps the first cancellation's facts: a redelivery writes the same item unchanged.
        dynamo.updateItem(UpdateItemRequest.builder()
                .tableName(table)
                .key(NotificationKeys.order(orderId))
                .updateExpression("SET cancelledAt = if_not_exists(cancelledAt, :at), "
                        + "cancelEventId = if_not_exists(cancelEventId, :event)")
                .expressionAttributeValues(Map.of(":at", s(cancelledAt.toString()), ":event", s(eventId)))
                .build());
    }

    @Override
    public boolean isCancelled(OrderId orderId) {
        var item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(NotificationKeys.order(orderId))
                .consistentRead(true)
                .build()).item();
        return item != null && item.containsKey("cancelledAt");
    }
}
