package shop.crm.adapter.dynamodb;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.crm.application.CustomerOrders;
import shop.crm.domain.CancellationReason;
import shop.crm.domain.CustomerId;
import shop.crm.domain.CustomerOrder;
import shop.crm.application.OrderCancelled;
import shop.crm.application.OrderConfirmed;
import shop.crm.application.OrderPlaced;
import shop.crm.application.OrderRejected;
import shop.crm.application.ParcelShipped;
import shop.crm.domain.OrderId;
import shop.crm.domain.RejectionReason;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * CrmTable: one item per order, {@code pk = CUSTOMER#<customerId>, sk = ORDER#<orderId>}, holding placedAt,
 * placedMonth (UTC yyyy-MM, key of the byPlacedMonth index), confirmedAt, rejectedAt with rejectionReason,
 * cancelledAt with reason, shippedAt, unitCount (when its OrderPlaced was 1.1 or later), and the id of each event applied to it ({@code placedEventId},
 * {@code confirmedEventId}, {@code rejectedEventId}, {@code cancelledEventId}, {@code shippedEventId}: the markers
 * that make each event apply once).
 *
 * <p>Why derive the insight from these items instead of keeping counters: without transactions, a counter item
 * is a second write. Gating it on the order item loses the increment if the function dies in between (the retry
 * finds the gate closed); incrementing first counts twice. Counter items that remember applied event ids grow
 * without bound. One conditional write per event on the order's own item is exact, and the same final item
 * results in any arrival order: every event carries placedAt, written with if_not_exists. Reading costs one
 * Query per customer, or one per month for the overall view (the index puts a month's orders in one partition;
 * at more than ~1000 orders a second it would need a shard suffix).
 */
public final class DynamoDbCustomerOrders implements CustomerOrders {

    static final String BY_PLACED_MONTH = "byPlacedMonth";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbCustomerOrders(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean recordPlaced(OrderPlaced event) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":event", s(event.eventId())));
        event.unitCount().ifPresent(units -> values.put(":units", AttributeValue.fromN(units.toString())));
        return apply(event.customerId(), event.orderId(), event.placedAt(),
                event.unitCount().isPresent() ? "placedEventId = :event, unitCount = :units" : "placedEventId = :event",
                "attribute_not_exists(placedEventId)",
                values);
    }

    @Override
    public boolean recordConfirmed(OrderConfirmed event) {
        return apply(event.customerId(), event.orderId(), event.placedAt(),
                "confirmedEventId = :event, confirmedAt = :confirmedAt",
                "attribute_not_exists(confirmedEventId)",
                Map.of(":event", s(event.eventId()), ":confirmedAt", s(event.confirmedAt().toString())));
    }

    @Override
    public boolean recordRejected(OrderRejected event) {
        return apply(event.customerId(), event.orderId(), event.placedAt(),
                "rejectedEventId = :event, rejectedAt = :rejectedAt, rejectionReason = :rejection",
                "attribute_not_exists(rejectedEventId)",
                Map.of(":event", s(event.eventId()), ":rejectedAt", s(event.rejectedAt().toString()),
                        ":rejection", s(event.reason().code())));
    }

    @Override
    public boolean recordCancelled(OrderCancelled event) {
        return apply(event.customerId(), event.orderId(), event.placedAt(),
                "cancelledEventId = :event, cancelledAt = :cancelledAt, reason = :reason",
                "attribute_not_exists(cancelledEventId)",
                Map.of(":event", s(event.eventId()), ":cancelledAt", s(event.cancelledAt().toString()),
                        ":reason", s(event.reason().code())));
    }

    /** ParcelShipped carries no placedAt: it sets only its own fields, and the order's events date the record. */
    @Override
    public boolean recordShipped(ParcelShipped event) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(Map.of("pk", s("CUSTOMER#" + event.customerId().value()), "sk", s("ORDER#" + event.orderId().value())))
                    .updateExpression("SET shippedEventId = :event, shippedAt = :shippedAt, orderId = :orderId, "
                            + "customerId = :customerId")
                    .conditionExpression("attribute_not_exists(shippedEventId)")
                    .expressionAttributeValues(Map.of(":event", s(event.eventId()), ":shippedAt", s(event.shippedAt().toString()),
                            ":orderId", s(event.orderId().value()), ":customerId", s(event.customerId().value())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException alreadyApplied) {
            return false;
        }
    }

    /** One conditional UpdateItem: the event's own fields, plus the order's facts if this is the first event seen. */
    private boolean apply(CustomerId customerId, OrderId orderId, Instant placedAt, String set, String condition,
                          Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":orderId", s(orderId.value()));
        all.put(":customerId", s(customerId.value()));
        all.put(":placedAt", s(placedAt.toString()));
        all.put(":placedMonth", s(YearMonth.from(placedAt.atOffset(ZoneOffset.UTC)).toString()));
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(Map.of("pk", s("CUSTOMER#" + customerId.value()), "sk", s("ORDER#" + orderId.value())))
                    .updateExpression("SET " + set + ", orderId = :orderId, customerId = :customerId, "
                            + "placedAt = if_not_exists(placedAt, :placedAt), "
                            + "placedMonth = if_not_exists(placedMonth, :placedMonth)")
                    .conditionExpression(condition)
                    .expressionAttributeValues(all)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException alreadyApplied) {
            return false;
        }
    }

    @Override
    public List<CustomerOrder> ofCustomer(CustomerId customerId) {
        return query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :order)")
                .expressionAttributeValues(Map.of(":pk", s("CUSTOMER#" + customerId.value()), ":order", s("ORDER#")))
                .consistentRead(true));
    }

    @Override
    public List<CustomerOrder> placedIn(YearMonth month) {
        return query(QueryRequest.builder()
                .tableName(table)
                .indexName(BY_PLACED_MONTH)
                .keyConditionExpression("placedMonth = :month")
                .expressionAttributeValues(Map.of(":month", s(month.toString()))));
    }

    private List<CustomerOrder> query(QueryRequest.Builder request) {
        List<CustomerOrder> orders = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(request.exclusiveStartKey(start).build());
            // an order known only by its shipment so far has no placedAt: it shows once its order events arrive
            page.items().stream().filter(item -> item.containsKey("placedAt")).forEach(item -> orders.add(order(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return orders;
    }

    private static CustomerOrder order(Map<String, AttributeValue> item) {
        return new CustomerOrder(new OrderId(item.get("orderId").s()), new CustomerId(item.get("customerId").s()),
                Instant.parse(item.get("placedAt").s()), instant(item, "confirmedAt"), instant(item, "rejectedAt"),
                Optional.ofNullable(item.get("rejectionReason")).map(v -> new RejectionReason(v.s())),
                instant(item, "cancelledAt"), Optional.ofNullable(item.get("reason")).map(v -> new CancellationReason(v.s())),
                instant(item, "shippedAt"), Optional.ofNullable(item.get("unitCount")).map(v -> Integer.valueOf(v.n())));
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String attribute) {
        return Optional.ofNullable(item.get(attribute)).map(v -> Instant.parse(v.s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
