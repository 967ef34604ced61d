package shop.notification.adapter.dynamodb;

import java.util.Map;
import shop.notification.domain.MessageKind;
import shop.notification.domain.OrderId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item layout of NotificationTable, in one place. Everything about one order shares a partition:
 * {@code pk = ORDER#<orderId>}; {@code sk = ORDER} holds the cancellation mark, {@code sk = MESSAGE#<kind>} the
 * record of each message (one per kind, so even two events for the same fact could not send twice).
 */
final class NotificationKeys {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String ORDER_SK = "ORDER";

    private NotificationKeys() {
    }

    static Map<String, AttributeValue> order(OrderId orderId) {
        return Map.of(PK, s("ORDER#" + orderId.value()), SK, s(ORDER_SK));
    }

    static Map<String, AttributeValue> message(OrderId orderId, MessageKind kind) {
        return Map.of(PK, s("ORDER#" + orderId.value()), SK, s("MESSAGE#" + kind.name()));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
