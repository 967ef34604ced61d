package shop.order.adapter.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import shop.order.application.IdempotencyKeys;
import shop.order.domain.CustomerId;
import shop.order.domain.OrderId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotency keys as items of the orders table ({@code IDEMPOTENCY#<customer>#<key>}), claimed with one
 * conditional write. They expire after 24 hours: the condition treats an expired claim as free, and the
 * table's TTL on {@code expiresAt} deletes it later in AWS.
 */
public final class DynamoDbIdempotencyKeys implements IdempotencyKeys {

    public static final Duration RETENTION = Duration.ofHours(24);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbIdempotencyKeys(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Claim> claim(CustomerId customer, String key, Claim claim, Instant now) {
        Map<String, AttributeValue> itemKey = Map.of(OrderItems.PK, OrderItems.s("IDEMPOTENCY#" + customer.value() + "#" + key));
        Map<String, AttributeValue> item = new java.util.HashMap<>(itemKey);
        item.put("requestFingerprint", OrderItems.s(claim.requestFingerprint()));
        item.put("orderId", OrderItems.s(claim.orderId().value()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(now.plus(RETENTION).getEpochSecond())));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))));
            return Optional.empty();
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> existing = dynamo.getItem(b -> b.tableName(table).key(itemKey).consistentRead(true)).item();
            return Optional.of(new Claim(existing.get("requestFingerprint").s(), new OrderId(existing.get("orderId").s())));
        }
    }
}
