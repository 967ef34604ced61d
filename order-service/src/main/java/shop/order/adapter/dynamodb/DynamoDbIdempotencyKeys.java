package shop.order.adapter.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import shop.order.adapter.eventbridge.OrderMessages;
import shop.order.application.IdempotencyKeys;
import shop.order.application.OwedEvent;
import shop.order.domain.CustomerId;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Idempotency keys as items of the orders table ({@code IDEMPOTENCY#<customer>#<key>}), claimed in one
 * TransactWriteItems with the order they stand for: a refused claim sends its item back (ALL_OLD), so a retry costs
 * no read of the key. They expire after 24 hours: the condition treats an expired claim as free, and the table's TTL
 * on {@code expiresAt} deletes it later in AWS.
 */
public final class DynamoDbIdempotencyKeys implements IdempotencyKeys {

    public static final Duration RETENTION = Duration.ofHours(24);
    /** Two requests with one key at once meet on the claim (TransactionConflict); the retry reads the winner's claim. */
    private static final int ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final String table;
    private final OrderMessages messages;

    /** {@code messages}: what the order stored with a claim owes the bus (every OrderPlaced version). */
    public DynamoDbIdempotencyKeys(DynamoDbClient dynamo, String table, OrderMessages messages) {
        this.dynamo = dynamo;
        this.table = table;
        this.messages = messages;
    }

    @Override
    public Optional<Claim> placeOnce(CustomerId customer, String key, String requestFingerprint, Order order, OwedEvent owed,
                                     Instant now) {
        Map<String, AttributeValue> claim = new HashMap<>(Map.of(OrderItems.PK, OrderItems.s("IDEMPOTENCY#" + customer.value() + "#" + key)));
        claim.put("requestFingerprint", OrderItems.s(requestFingerprint));
        claim.put("orderId", OrderItems.s(order.id().value()));
        claim.put("expiresAt", AttributeValue.fromN(Long.toString(now.plus(RETENTION).getEpochSecond())));
        TransactWriteItem claimIt = TransactWriteItem.builder().put(p -> p.tableName(table).item(claim)
                .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
        TransactWriteItem storeIt = TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(DynamoDbOrders.newItem(order, owed, messages)).conditionExpression("attribute_not_exists(pk)")).build();
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(claimIt, storeIt));
                return Optional.empty();
            } catch (TransactionCanceledException refused) {
                CancellationReason onClaim = refused.cancellationReasons().get(0);
                if ("ConditionalCheckFailed".equals(onClaim.code()) && onClaim.hasItem()) {
                    return Optional.of(new Claim(onClaim.item().get("requestFingerprint").s(), new OrderId(onClaim.item().get("orderId").s())));
                }
                boolean conflict = refused.cancellationReasons().stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
                if (!conflict || attempt == ATTEMPTS) {
                    throw refused; // the request fails with 500 and the client retries it with the same key
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while claiming an idempotency key", e);
        }
    }
}
