package shop.inventory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.inventory.adapter.dynamodb.DynamoDbReservations;
import shop.inventory.adapter.dynamodb.DynamoDbStock;
import shop.inventory.application.InventoryOutcome.Kind;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockCounts;
import shop.inventory.domain.StockLevel;
import shop.inventory.domain.StockLine;
import shop.testsupport.Concurrently;
import shop.testsupport.LocalDynamoDb;
import shop.platform.events.PendingEvent;
import shop.platform.outbox.DynamoDbOutbox;

/**
 * Deliveries that run at the same time, and deliveries that died after their write, against a real local DynamoDB
 * with transactions: stock is never oversold, and each order gets at most one decision.
 */
class ReserveStockConcurrencyTest {

    private static final Sku SKU_1 = new Sku("SKU-1");
    private static final Sku SKU_5 = new Sku("SKU-5");

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    private String table;
    private DynamoDbStock stock;
    private DynamoDbReservations reservations;
    private ReserveStock reserveStock;
    private ReleaseStock releaseStock;
    /** Every decision published, from any thread: inventory answers each order at most once. */
    private final List<OwedEvent> decisions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void freshTable() {
        table = dynamoDb.freshTable("InventoryTable");
        stock = new DynamoDbStock(dynamoDb.client(), table);
        reservations = new DynamoDbReservations(dynamoDb.client(), table, Clock.systemUTC());
        reserveStock = new ReserveStock(reservations, decisions::add, (orderId, skus) -> { }, Clock.systemUTC());
        releaseStock = new ReleaseStock(reservations);
    }

    @Test
    void twenty_orders_racing_for_five_units_reserve_exactly_five() throws Exception {
        stock.seed(new StockLevel(SKU_5, 5));
        List<Callable<InventoryOutcome>> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            OrderPlaced order = placed(newOrderId(), new StockLine(SKU_5, 1));
            orders.add(() -> reserveStock.handle(order));
        }

        List<InventoryOutcome> outcomes = Concurrently.call(orders);

        assertEquals(5, outcomes.stream().filter(o -> o.kind() == Kind.RESERVED).count());
        assertEquals(15, outcomes.stream().filter(o -> o.kind() == Kind.REJECTED_SHORT).count());
        assertEquals(new StockCounts(0, 5, 0), stock.counts(SKU_5));
        assertEquals(5, decisions.stream().filter(d -> d.kind() == OwedEvent.Kind.RESERVED).count());
        assertEquals(15, decisions.stream().filter(d -> d.kind() == OwedEvent.Kind.SHORTAGE).count());
        assertEquals(20, decisions.stream().map(d -> d.reservation().orderId()).distinct().count(), "one decision per order");
    }

    @Test
    void forty_orders_racing_for_ten_units_while_others_cancel_and_ship_never_oversell() throws Exception {
        stock.seed(new StockLevel(SKU_5, 10));
        List<OrderPlaced> first = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            first.add(placed(newOrderId(), new StockLine(SKU_5, 1)));
            reserveStock.handle(first.get(i));
        }
        SettleStock settleStock = new SettleStock(reservations);
        List<Callable<InventoryOutcome>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            OrderPlaced order = placed(newOrderId(), new StockLine(SKU_5, 1));
            calls.add(() -> reserveStock.handle(order));
        }
        for (int i = 0; i < 3; i++) {
            OrderId cancelled = first.get(i).orderId();
            OrderId shipped = first.get(3 + i).orderId();
            calls.add(() -> releaseStock.handle(new OrderCancelled(UUID.randomUUID().toString(), cancelled)));
            calls.add(() -> settleStock.handle(new ParcelShipped(UUID.randomUUID().toString(), shipped)));
        }

        List<InventoryOutcome> outcomes = Concurrently.call(calls);

        long reserved = outcomes.subList(0, 40).stream().filter(o -> o.kind() == Kind.RESERVED).count();
        StockCounts counts = stock.counts(SKU_5);
        assertEquals(10, counts.total(), "available + held + shipped is what was seeded: " + counts);
        assertEquals(3, counts.shipped());
        assertEquals(reserved, counts.held(), "every new reservation; the first six were given back or shipped");
        assertTrue(counts.available() >= 0, counts.toString());
        assertTrue(reserved >= 4 && reserved <= 7, reserved + " reserved: 4 free, up to 3 more given back in time");
    }

    @Test
    void a_parcel_shipped_while_its_cancel_is_handled_ends_with_the_same_counters_either_way() throws Exception {
        stock.seed(new StockLevel(SKU_1, 1_000));
        SettleStock settleStock = new SettleStock(reservations);
        for (int round = 0; round < 10; round++) {
            OrderPlaced order = placed(newOrderId(), new StockLine(SKU_1, 2));
            reserveStock.handle(order);

            List<InventoryOutcome> outcomes = Concurrently.call(List.of(
                    () -> releaseStock.handle(new OrderCancelled(UUID.randomUUID().toString(), order.orderId())),
                    () -> settleStock.handle(new ParcelShipped(UUID.randomUUID().toString(), order.orderId()))));

            assertEquals(new StockCounts(1_000 - 2 * (round + 1), 0, 2 * (round + 1)), stock.counts(SKU_1), "round " + round + ": " + outcomes);
            ReservationStatus status = reservations.find(order.orderId()).orElseThrow().status();
            assertTrue(status == ReservationStatus.SHIPPED || status == ReservationStatus.SHIPPED_AFTER_RELEASE, status.name());
        }
    }

    @Test
    void two_orders_racing_for_the_last_unit_one_gets_it_never_both() throws Exception {
        for (int round = 0; round < 10; round++) {
            Sku sku = new Sku("LAST-" + round);
            stock.seed(new StockLevel(sku, 1));
            OrderPlaced first = placed(newOrderId(), new StockLine(SKU_1, 1), new StockLine(sku, 1));
            OrderPlaced second = placed(newOrderId(), new StockLine(sku, 1));
            stock.seed(new StockLevel(SKU_1, 1_000));

            List<InventoryOutcome> outcomes = Concurrently.call(
                    List.of(() -> reserveStock.handle(first), () -> reserveStock.handle(second)));

            assertEquals(1, outcomes.stream().filter(o -> o.kind() == Kind.RESERVED).count(), "round " + round);
            assertEquals(0, stock.counts(sku).available());
        }
    }

    @Test
    void the_same_order_placed_delivered_ten_times_at_once_reserves_once() throws Exception {
        stock.seed(new StockLevel(SKU_1, 100));
        stock.seed(new StockLevel(SKU_5, 100));
        OrderPlaced order = placed(newOrderId(), new StockLine(SKU_1, 2), new StockLine(SKU_5, 3));

        Concurrently.call(10, () -> reserveStock.handle(order));

        assertEquals(98, stock.counts(SKU_1).available());
        assertEquals(97, stock.counts(SKU_5).available());
        assertEquals(ReservationStatus.RESERVED, reservations.find(order.orderId()).orElseThrow().status());
        assertEquals(1, decisions.size(), "ten deliveries, one StockReserved");
    }

    @Test
    void an_order_cancelled_while_its_order_placed_is_running_ends_holding_nothing() throws Exception {
        stock.seed(new StockLevel(SKU_1, 1_000));
        stock.seed(new StockLevel(SKU_5, 1_000));
        for (int round = 0; round < 15; round++) {
            OrderId orderId = newOrderId();
            OrderPlaced placed = placed(orderId, new StockLine(SKU_1, 2), new StockLine(SKU_5, 3));
            OrderCancelled cancelled = new OrderCancelled(UUID.randomUUID().toString(), orderId);

            Concurrently.call(List.of(() -> reserveStock.handle(placed), () -> releaseStock.handle(cancelled)));

            assertEquals(1_000, stock.counts(SKU_1).available(), "round " + round);
            assertEquals(1_000, stock.counts(SKU_5).available(), "round " + round);
            ReservationStatus status = reservations.find(orderId).orElseThrow().status();
            assertTrue(status == ReservationStatus.RELEASED || status == ReservationStatus.CANCELLED_BEFORE_PLACED, status.name());
            assertTrue(decisions.stream().filter(d -> d.reservation().orderId().equals(orderId)).count() <= 1,
                    "round " + round + ": at most one decision (none when the cancel got there first)");
        }
    }

    @Test
    void a_short_line_holds_nothing_of_any_line_and_every_short_sku_is_named() {
        stock.seed(new StockLevel(SKU_1, 10));
        stock.seed(new StockLevel(SKU_5, 1));
        Sku unknown = new Sku("NEVER-SEEDED");
        OrderPlaced order = placed(newOrderId(), new StockLine(SKU_1, 2), new StockLine(SKU_5, 3), new StockLine(unknown, 1));

        InventoryOutcome outcome = reserveStock.handle(order);

        assertEquals(Kind.REJECTED_SHORT, outcome.kind());
        assertEquals(List.of(unknown, SKU_5), outcome.shortSkus(), "lines are merged in sku order; both short skus, read from the cancellation reasons");
        assertEquals(new StockCounts(10, 0, 0), stock.counts(SKU_1), "the line that was there is not held either");
        assertEquals(new StockCounts(1, 0, 0), stock.counts(SKU_5));
        assertEquals(ReservationStatus.REJECTED, reservations.find(order.orderId()).orElseThrow().status());
        assertEquals(List.of(OwedEvent.Kind.SHORTAGE), decisions.stream().map(OwedEvent::kind).toList());
    }

    @Test
    void a_delivery_that_died_after_its_write_leaves_the_decision_owed_and_the_redelivery_reserves_nothing_more() {
        stock.seed(new StockLevel(SKU_1, 10));
        OrderPlaced order = placed(newOrderId(), new StockLine(SKU_1, 2));
        OwedEvent reserved = OwedEvent.of(OwedEvent.Kind.RESERVED,
                new Reservation(order.orderId(), ReservationStatus.RESERVED, order.lines(), List.of()), Instant.now(), "corr");
        reservations.reserve(reserved, order.eventId()); // the first delivery's transaction, then it died before publishing

        assertEquals(Kind.DUPLICATE, reserveStock.handle(order).kind());

        assertEquals(new StockCounts(8, 2, 0), stock.counts(SKU_1));
        assertEquals(List.of(), decisions, "the redelivery publishes nothing: the first write owes the decision");
        assertEquals(List.of(reserved.eventId()), new DynamoDbOutbox(dynamoDb.client(), table, "pk", "sk")
                .owed(DynamoDbReservations.key(order.orderId())).stream().map(PendingEvent::eventId).toList(),
                "the decision is in the reservation's outbox, for the relay");
    }

    @Test
    void a_cancel_that_came_first_leaves_a_tombstone_and_the_late_order_placed_takes_nothing() {
        stock.seed(new StockLevel(SKU_1, 10));
        OrderPlaced order = placed(newOrderId(), new StockLine(SKU_1, 2));

        assertEquals(Kind.CANCELLED_BEFORE_PLACED, releaseStock.handle(new OrderCancelled(UUID.randomUUID().toString(), order.orderId())).kind());
        assertEquals(Kind.IGNORED_CANCELLED_ORDER, reserveStock.handle(order).kind());

        assertEquals(new StockCounts(10, 0, 0), stock.counts(SKU_1));
        assertEquals(List.of(), decisions);
    }

    private static OrderId newOrderId() {
        return new OrderId(UUID.randomUUID().toString());
    }

    private static OrderPlaced placed(OrderId orderId, StockLine... lines) {
        return new OrderPlaced(UUID.randomUUID().toString(), "corr-" + orderId, orderId, List.of(lines));
    }
}
