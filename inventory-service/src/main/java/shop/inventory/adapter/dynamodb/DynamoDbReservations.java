package shop.inventory.adapter.dynamodb;

import static shop.inventory.adapter.dynamodb.InventoryKeys.n;
import static shop.inventory.adapter.dynamodb.InventoryKeys.s;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.inventory.adapter.eventbridge.InventoryMessages;
import shop.inventory.application.Reservations;
import shop.inventory.application.OwedEvent;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLine;
import shop.inventory.domain.StockMove;
import shop.inventory.domain.Transition;
import shop.platform.outbox.OutboxItems;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One item per order ({@code ORDER#<id>}/RESERVATION): status, lines, short skus, the ids of the events that changed
 * it, and its outbox (platform's {@link OutboxItems}): the decision it owes the bus. A change of status is one
 * TransactWriteItems with the counters of every sku it moves, conditional on the status it leaves (and, to reserve, on
 * each sku having the units), so it happens once, whole, or not at all; which condition refused it comes back in the
 * cancellation reasons, one per action, with no second call.
 */
public final class DynamoDbReservations implements Reservations {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Transactions transactions;

    public DynamoDbReservations(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.transactions = new Transactions(dynamo);
    }

    /** The key of an order's reservation item, which is also where its outbox is. */
    public static Map<String, AttributeValue> key(OrderId orderId) {
        return InventoryKeys.reservation(orderId);
    }

    /** The item of a RESERVED order whose decision was published: for filling a table with open orders (tests, benchmarks). */
    public static Map<String, AttributeValue> reservedItem(OrderId orderId, List<StockLine> lines, Instant at) {
        Map<String, AttributeValue> item = newItem(orderId, ReservationStatus.RESERVED, lines, at);
        item.put(OutboxItems.MAP, AttributeValue.fromM(Map.of()));
        return item;
    }

    /** Transactions that met a conflict or a throttle and were tried again, since this adapter was built. */
    public long transactionRetries() {
        return transactions.retries();
    }

    @Override
    public Attempt reserve(OwedEvent reserved, String placedEventId) {
        Reservation reservation = reserved.reservation();
        Map<String, AttributeValue> item = decided(reserved, placedEventId);
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")).build());
        actions.addAll(SkuItem.moves(table, reservation.lines(), StockMove.RESERVE));
        Optional<List<CancellationReason>> refused = transactions.write(actions);
        if (refused.isEmpty()) {
            return new Attempt.Reserved();
        }
        List<CancellationReason> reasons = refused.get();
        if (Transactions.conditionFailed(reasons.get(0))) {
            return new Attempt.Known(find(reservation.orderId()).orElseThrow(() -> new IllegalStateException(
                    "reservation of order " + reservation.orderId() + " refused as existing, then not found")));
        }
        List<Sku> shortSkus = new ArrayList<>();
        for (int i = 1; i < reasons.size(); i++) {
            if (Transactions.conditionFailed(reasons.get(i))) {
                shortSkus.add(reservation.lines().get(i - 1).sku());
            }
        }
        return new Attempt.Short(shortSkus);
    }

    @Override
    public boolean reject(OwedEvent shortage, String placedEventId) {
        Map<String, AttributeValue> item = decided(shortage, placedEventId);
        item.put("shortSkus", AttributeValue.fromL(shortage.reservation().shortSkus().stream().map(sku -> s(sku.value())).toList()));
        return putIfAbsent(item);
    }

    @Override
    public boolean tombstone(OrderId orderId, String eventId) {
        Map<String, AttributeValue> item = newItem(orderId, ReservationStatus.CANCELLED_BEFORE_PLACED, List.of(), clock.instant());
        item.put("cancelledEventId", s(eventId));
        return putIfAbsent(item);
    }

    @Override
    public Optional<Reservation> find(OrderId orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(InventoryKeys.reservation(orderId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(reservation(orderId, item));
    }

    @Override
    public boolean apply(Reservation reservation, Transition transition, String eventId) {
        String eventField = transition.to() == ReservationStatus.RELEASED ? "cancelledEventId" : "shippedEventId";
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(InventoryKeys.reservation(reservation.orderId()))
                .updateExpression("SET #status = :to, updatedAt = :now, " + eventField + " = :event")
                .conditionExpression("#status = :from")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":to", s(transition.to().name()), ":from", s(transition.from().name()),
                        ":now", s(clock.instant().toString()), ":event", s(eventId)))).build());
        actions.addAll(SkuItem.moves(table, reservation.lines(), transition.move()));
        Optional<List<CancellationReason>> refused = transactions.write(actions);
        if (refused.isEmpty()) {
            return true;
        }
        if (Transactions.conditionFailed(refused.get().get(0))) {
            return false; // another delivery moved the order first
        }
        throw new IllegalStateException("order " + reservation.orderId() + " holds a sku the inventory has no item for: " + refused.get());
    }

    /** The item of an order decided in one write: its status, lines, and the decision it owes in its outbox. */
    private Map<String, AttributeValue> decided(OwedEvent decision, String placedEventId) {
        Reservation reservation = decision.reservation();
        Map<String, AttributeValue> item = newItem(reservation.orderId(), reservation.status(), reservation.lines(), clock.instant());
        item.put("placedEventId", s(placedEventId));
        OutboxItems.addTo(item, List.of(InventoryMessages.of(decision)), decision.decidedAt());
        return item;
    }

    private static Map<String, AttributeValue> newItem(OrderId orderId, ReservationStatus status, List<StockLine> lines, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(InventoryKeys.reservation(orderId));
        item.put("orderId", s(orderId.value()));
        item.put("status", s(status.name()));
        item.put("updatedAt", s(now.toString()));
        item.put("lines", AttributeValue.fromL(lines.stream().map(line -> AttributeValue.fromM(
                Map.of("sku", s(line.sku().value()), "quantity", n(line.quantity())))).toList()));
        return item;
    }

    private static Reservation reservation(OrderId orderId, Map<String, AttributeValue> item) {
        List<StockLine> lines = item.getOrDefault("lines", AttributeValue.fromL(List.of())).l().stream()
                .map(line -> new StockLine(new Sku(line.m().get("sku").s()), Integer.parseInt(line.m().get("quantity").n())))
                .toList();
        List<Sku> shortSkus = item.getOrDefault("shortSkus", AttributeValue.fromL(List.of())).l().stream()
                .map(sku -> new Sku(sku.s())).toList();
        return new Reservation(orderId, ReservationStatus.valueOf(item.get("status").s()), lines, shortSkus);
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
