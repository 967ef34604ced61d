package shop.inventory.adapter.dynamodb;

import static shop.inventory.adapter.dynamodb.InventoryKeys.n;
import static shop.inventory.adapter.dynamodb.InventoryKeys.s;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.inventory.application.Reservations;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One item per order ({@code ORDER#<id>}/RESERVATION): status, lines, short skus and the ids of the events that
 * changed it. Every status change is conditional on the status it leaves, which is what makes duplicates,
 * disorder and concurrent deliveries safe.
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

    @Override
    public Reservation begin(OrderId orderId, List<StockLine> lines, String eventId) {
        Map<String, AttributeValue> item = newItem(orderId, ReservationStatus.RESERVING);
        item.put("lines", AttributeValue.fromL(lines.stream().map(line -> AttributeValue.fromM(
                Map.of("sku", s(line.sku().value()), "quantity", n(line.quantity())))).toList()));
        item.put("placedEventId", s(eventId));
        if (putIfAbsent(item)) {
            return new Reservation(orderId, ReservationStatus.RESERVING, lines, List.of());
        }
        return find(orderId).orElseThrow(() -> new IllegalStateException("reservation of order " + orderId + " vanished"));
    }

    @Override
    public boolean tombstone(OrderId orderId, String eventId) {
        Map<String, AttributeValue> item = newItem(orderId, ReservationStatus.CANCELLED_BEFORE_PLACED);
        item.put("cancelledEventId", s(eventId));
        return putIfAbsent(item);
    }

    @Override
    public Optional<Reservation> find(OrderId orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(InventoryKeys.reservation(orderId))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        List<StockLine> lines = item.getOrDefault("lines", AttributeValue.fromL(List.of())).l().stream()
                .map(line -> new StockLine(new Sku(line.m().get("sku").s()), Integer.parseInt(line.m().get("quantity").n())))
                .toList();
        List<Sku> shortSkus = item.getOrDefault("shortSkus", AttributeValue.fromL(List.of())).l().stream()
                .map(sku -> new Sku(sku.s())).toList();
        return Optional.of(new Reservation(orderId, ReservationStatus.valueOf(item.get("status").s()), lines, shortSkus));
    }

    @Override
    public boolean move(OrderId orderId, ReservationStatus from, ReservationStatus to) {
        return update(orderId, from, to, "", Map.of());
    }

    @Override
    public boolean reject(OrderId orderId, List<Sku> shortSkus) {
        return update(orderId, ReservationStatus.RESERVING, ReservationStatus.REJECTING, ", shortSkus = :short",
                Map.of(":short", AttributeValue.fromL(shortSkus.stream().map(sku -> s(sku.value())).toList())));
    }

    @Override
    public boolean cancel(OrderId orderId, ReservationStatus from, String eventId) {
        return update(orderId, from, ReservationStatus.RELEASING, ", cancelledEventId = :event", Map.of(":event", s(eventId)));
    }

    private boolean update(OrderId orderId, ReservationStatus from, ReservationStatus to, String moreSets,
                           Map<String, AttributeValue> moreValues) {
        Map<String, AttributeValue> values = new HashMap<>(moreValues);
        values.put(":from", s(from.name()));
        values.put(":to", s(to.name()));
        values.put(":now", s(clock.instant().toString()));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(InventoryKeys.reservation(orderId))
                    .updateExpression("SET #status = :to, updatedAt = :now" + moreSets)
                    .conditionExpression("#status = :from")
                    .expressionAttributeNames(Map.of("#status", "status"))
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
