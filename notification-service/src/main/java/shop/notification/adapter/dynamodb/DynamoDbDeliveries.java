package shop.notification.adapter.dynamodb;

import static shop.notification.adapter.dynamodb.NotificationKeys.n;
import static shop.notification.adapter.dynamodb.NotificationKeys.s;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import shop.notification.application.Claim;
import shop.notification.application.Deliveries;
import shop.notification.domain.Delivery;
import shop.notification.domain.DeliveryStatus;
import shop.notification.domain.MessageKind;
import shop.notification.domain.OrderId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The message records, items {@code ORDER#<orderId> / MESSAGE#<kind>}: status, lease (epoch ms), claim token,
 * attempts, the event that asked for it, SES's message id and the subject once sent (or why and when a claim was
 * released unsent). Each step is one conditional UpdateItem on that item.
 */
public final class DynamoDbDeliveries implements Deliveries {

    private static final Map<String, String> NAMES = Map.of("#status", "status");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbDeliveries(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Claim claim(OrderId orderId, MessageKind kind, String eventId, Instant now, Instant leaseUntil) {
        String token = UUID.randomUUID().toString();
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(NotificationKeys.message(orderId, kind))
                    .updateExpression("SET #status = :sending, leaseUntil = :lease, claimToken = :token, "
                            + "eventId = if_not_exists(eventId, :event), claimedAt = :now ADD attempts :one")
                    .conditionExpression("attribute_not_exists(pk) OR (#status = :sending AND leaseUntil < :nowMs)")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(Map.of(":sending", s(DeliveryStatus.SENDING.name()),
                            ":lease", n(leaseUntil.toEpochMilli()), ":token", s(token), ":event", s(eventId),
                            ":now", s(now.toString()), ":nowMs", n(now.toEpochMilli()), ":one", n(1)))
                    .build());
            return new Claim.Granted(orderId, kind, token, leaseUntil);
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> item = get(orderId, kind);
            if (item == null) {
                // settled and gone cannot happen (records are never deleted); treat as busy so the event is retried
                return new Claim.Busy(now);
            }
            DeliveryStatus status = DeliveryStatus.valueOf(item.get("status").s());
            if (status == DeliveryStatus.SENDING) {
                return new Claim.Busy(Instant.ofEpochMilli(Long.parseLong(item.get("leaseUntil").n())));
            }
            return new Claim.Settled(status);
        }
    }

    @Override
    public boolean markSent(Claim.Granted claim, String providerMessageId, String subject, Instant sentAt) {
        return settle(claim, "SET #status = :settled, providerMessageId = :id, subject = :subject, sentAt = :at "
                        + "REMOVE leaseUntil, claimToken",
                Map.of(":settled", s(DeliveryStatus.SENT.name()), ":id", s(providerMessageId), ":subject", s(subject),
                        ":at", s(sentAt.toString()), ":token", s(claim.token())));
    }

    @Override
    public boolean markSkipped(Claim.Granted claim, String because, Instant at) {
        return settle(claim, "SET #status = :settled, skippedBecause = :because, skippedAt = :at REMOVE leaseUntil, claimToken",
                Map.of(":settled", s(DeliveryStatus.SKIPPED.name()), ":because", s(because), ":at", s(at.toString()),
                        ":token", s(claim.token())));
    }

    @Override
    public boolean release(Claim.Granted claim, String because, Instant at) {
        // still SENDING, with a lease that ran out at 0: the claim condition (leaseUntil < now) grants the next one
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(NotificationKeys.message(claim.orderId(), claim.kind()))
                    .updateExpression("SET leaseUntil = :released, releasedBecause = :because, releasedAt = :at REMOVE claimToken")
                    .conditionExpression("claimToken = :token AND #status = :sending")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(Map.of(":released", n(0), ":because", s(because), ":at", s(at.toString()),
                            ":token", s(claim.token()), ":sending", s(DeliveryStatus.SENDING.name())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    private boolean settle(Claim.Granted claim, String update, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(NotificationKeys.message(claim.orderId(), claim.kind()))
                    .updateExpression(update)
                    .conditionExpression("claimToken = :token")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    @Override
    public Optional<Delivery> find(OrderId orderId, MessageKind kind) {
        Map<String, AttributeValue> item = get(orderId, kind);
        if (item == null) {
            return Optional.empty();
        }
        return Optional.of(new Delivery(orderId, kind, item.get("eventId").s(),
                DeliveryStatus.valueOf(item.get("status").s()), Integer.parseInt(item.get("attempts").n()),
                text(item, "providerMessageId"), text(item, "sentAt").map(Instant::parse), text(item, "subject"),
                text(item, "skippedBecause")));
    }

    private Map<String, AttributeValue> get(OrderId orderId, MessageKind kind) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(NotificationKeys.message(orderId, kind))
                .consistentRead(true)
                .build()).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? Optional.empty() : Optional.ofNullable(value.s());
    }
}
