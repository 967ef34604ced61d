package shop.inventory.adapter.dynamodb;

import static shop.inventory.adapter.dynamodb.InventoryKeys.n;
import static shop.inventory.adapter.dynamodb.InventoryKeys.s;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.inventory.adapter.eventbridge.InventoryMessages;
import shop.inventory.application.Reservations;
import shop.inventory.application.StockDecision;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLine;
import shop.platform.outbox.OutboxItems;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One item per order ({@code ORDER#<id>}/RESERVATION): status, lines, short skus, the ids of the events that
 * changed it, and its outbox (platform's {@link OutboxItems}): the decision it owes the bus. Every status change
 * is conditional on the status it leaves, which is what makes duplicates, disorder and concurrent deliveries safe;
 * the change that decides also stores the decision, in the same write.
 */
public final class DynamoDbReservations implements Reservations {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbReservations(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** The key of an order's reservation item, which is also where its outbox is. */
    public static Map<String, AttributeValue> key(OrderId orderId) {
        return InventoryKeys.reservation(orderId);
    }

    @Override
    public Reservation begin(OrderId orderId, List<StockLine> lines, String eventId) {
        Map<String, AttributeValue> item = newItem(orderId, ReservationStatus.RESERVING);
        item.put("lines", AttributeValue.fromL(lines.stream().map(line -> AttributeValue.fromM(
                Map.of("sku", s(line.sku().value()), "quantity", n(line.quantity())))).toList()));
        item.put("placedEventId", s(eventId));
        OutboxItems.addTo(item, List.of(), clock.instant()); // an empty outbox: the decision's write adds to it
        if (putIfAbsent(item)) {
            return new Reservation(orderId, ReservationStatus.RESERVING, lines, List.of());
        }
        Map<String, AttributeValue> existing = read(orderId);
        if (existing.isEmpty()) {
            throw new IllegalStateException("reservation of order " + orderId + " vanished");
        }
        if (!existing.containsKey(OutboxItems.MAP)) {
            // begun by a version without outboxes (in flight at deploy): give it the map its decision's write adds to
            dynamo.updateItem(b -> b.tableName(table).key(InventoryKeys.reservation(orderId))
                    .updateExpression("SET #outbox = if_not_exists(#outbox, :empty)")
                    .expressionAttributeNames(Map.of("#outbox", OutboxItems.MAP))
                    .expressionAttributeValues(Map.of(":empty", AttributeValue.fromM(Map.of()))));
        }
        return reservation(orderId, existing);
    }

    @Override
    public boolean tombstone(OrderId orderId, String eventId) {
        Map<String, AttributeValue> item = newItem(orderId, ReservationStatus.CANCELLED_BEFORE_PLACED);
        item.put("cancelledEventId", s(eventId));
        return putIfAbsent(item);
    }

    @Override
    public Optional<Reservation> find(OrderId orderId) {
        Map<String, AttributeValue> item = read(orderId);
        return item.isEmpty() ? Optional.empty() : Optional.of(reservation(orderId, item));
    }

    private Map<String, AttributeValue> read(OrderId orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(InventoryKeys.reservation(orderId))
                .consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    private static Reservation reservation(OrderId orderId, Map<String, AttributeValue> item) {
        List<StockLine> lines = item.getOrDefault("lines", AttributeValue.fromL(List.of())).l().stream()
                .map(line -> new StockLine(new Sku(line.m().get("sku").s()), Integer.parseInt(line.m().get("quantity").n())))
                .toList();
        List<Sku> shortSkus = item.getOrDefault("shortSkus", AttributeValue.fromL(List.of())).l().stream()
                .map(sku -> new Sku(sku.s())).toList();
        return new Reservation(orderId, ReservationStatus.valueOf(item.get("status").s()), lines, shortSkus);
    }

    @Override
    public boolean move(OrderId orderId, ReservationStatus from, ReservationStatus to) {
        return update(orderId, from, to, "", Map.of(), Map.of());
    }

    @Override
    public boolean reserve(StockDecision reserved) {
        return decide(reserved, ReservationStatus.RESERVED, "", Map.of());
    }

    @Override
    public boolean reject(StockDecision shortage) {
        return decide(shortage, ReservationStatus.REJECTING, ", shortSkus = :short", Map.of(":short",
                AttributeValue.fromL(shortage.reservation().shortSkus().stream().map(sku -> s(sku.value())).toList())));
    }

    @Override
    public boolean cancel(OrderId orderId, ReservationStatus from, String eventId) {
        return update(orderId, from, ReservationStatus.RELEASING, ", cancelledEventId = :event", Map.of(), Map.of(":event", s(eventId)));
    }

    @Override
    public boolean ship(OrderId orderId, ReservationStatus from, ReservationStatus to, String eventId) {
        return update(orderId, from, to, ", shippedEventId = :event", Map.of(), Map.of(":event", s(eventId)));
    }

    /** RESERVING to {@code to}, with the decision added to the item's outbox in the same conditional write. */
    private boolean decide(StockDecision decision, ReservationStatus to, String moreSets, Map<String, AttributeValue> moreValues) {
        OutboxItems.Update outbox = OutboxItems.owe(List.of(InventoryMessages.of(decision)), decision.decidedAt());
        Map<String, AttributeValue> values = new HashMap<>(moreValues);
        values.putAll(outbox.values());
        return update(decision.reservation().orderId(), ReservationStatus.RESERVING, to,
                moreSets + ", " + outbox.setClauses(), outbox.names(), values);
    }

    private boolean update(OrderId orderId, ReservationStatus from, ReservationStatus to, String moreSets,
                           Map<String, String> moreNames, Map<String, AttributeValue> moreValues) {
        Map<String, AttributeValue> values = new HashMap<>(moreValues);
        values.put(":from", s(from.name()));
        values.put(":to", s(to.name()));
        values.put(":now", s(clock.instant().toString()));
        Map<String, String> names = new HashMap<>(moreNames);
        names.put("#status", "status");
        try {
            dynamo.updateItem(b -> b.tableName(table).key(InventoryKeys.reservation(orderId))
                    .updateExpression("SET #status = :to, updatedAt = :now" + moreSets)
                    .conditionExpression("#status = :from")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException elsewhere) {
            return false;
        }
    }

    private Map<String, AttributeValue> newItem(OrderId orderId, ReservationStatus status) {
        Map<String, AttributeValue> item = new HashMap<>(InventoryKeys.reservation(orderId));
        item.put("orderId", s(orderId.value()));
        item.put("status", s(status.name()));
        item.put("updatedAt", s(clock.instant().toString()));
        return item;
    }

    private boolean putIfAbsent(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }
}
