package shop.inventory.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.inventory.application.Reservations.Attempt;
import shop.inventory.application.OwedEvent;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockCounts;
import shop.inventory.domain.StockLevel;
import shop.inventory.domain.StockLine;
import shop.inventory.domain.Transition;
import shop.testsupport.LocalDynamoDb;

/**
 * The adapter's transactions against a real local DynamoDB that serves TransactWriteItems: each change of an order is
 * all or nothing, and what refused it is read from the cancellation reasons.
 */
class DynamoDbReservationsTest {

    private static final Sku SKU_1 = new Sku("SKU-1");
    private static final Sku SKU_5 = new Sku("SKU-5");

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    private String table;
    private DynamoDbStock stock;
    private DynamoDbReservations reservations;
    private final OrderId order = new OrderId(UUID.randomUUID().toString());

    @BeforeEach
    void freshTable() {
        table = dynamoDb.freshTable("InventoryTable");
        stock = new DynamoDbStock(dynamoDb.client(), table);
        reservations = new DynamoDbReservations(dynamoDb.client(), table, Clock.systemUTC());
        stock.seed(new StockLevel(SKU_1, 10));
        stock.seed(new StockLevel(SKU_5, 2));
    }

    @AfterEach
    void noConflictLeftOver() {
        dynamoDb.server().failNextTransactionsWithConflict(0); // a failing test must not hand its injected conflicts to the next
    }

    @Test
    void a_reservation_holds_every_line_and_records_the_order_in_one_write() {
        assertEquals(new Attempt.Reserved(), reservations.reserve(decision(new StockLine(SKU_1, 3), new StockLine(SKU_5, 2)), "placed-1"));

        assertEquals(new StockCounts(7, 3, 0), stock.counts(SKU_1));
        assertEquals(new StockCounts(0, 2, 0), stock.counts(SKU_5));
        assertEquals(ReservationStatus.RESERVED, reservations.find(order).orElseThrow().status());
    }

    @Test
    void a_short_line_refuses_the_whole_write_and_names_the_short_sku() {
        Attempt attempt = reservations.reserve(decision(new StockLine(SKU_1, 3), new StockLine(SKU_5, 3)), "placed-1");

        assertEquals(new Attempt.Short(List.of(SKU_5)), attempt);
        assertEquals(new StockCounts(10, 0, 0), stock.counts(SKU_1), "SKU-1 was there, and is not held either");
        assertTrue(reservations.find(order).isEmpty(), "no reservation written");
    }

    @Test
    void a_known_order_refuses_the_write_and_says_how_it_stands() {
        reservations.tombstone(order, "cancelled-1");

        Attempt attempt = reservations.reserve(decision(new StockLine(SKU_1, 3)), "placed-1");

        assertEquals(ReservationStatus.CANCELLED_BEFORE_PLACED, ((Attempt.Known) attempt).reservation().status());
        assertEquals(new StockCounts(10, 0, 0), stock.counts(SKU_1));
    }

    @Test
    void a_transition_moves_status_and_counters_together_once() {
        reservations.reserve(decision(new StockLine(SKU_1, 3)), "placed-1");
        Reservation reserved = reservations.find(order).orElseThrow();
        Transition release = Transition.onCancel(ReservationStatus.RESERVED).orElseThrow();

        assertTrue(reservations.apply(reserved, release, "cancelled-1"));
        assertFalse(reservations.apply(reserved, release, "cancelled-1"), "the status it leaves is gone: nothing moves twice");

        assertEquals(new StockCounts(10, 0, 0), stock.counts(SKU_1));
        assertEquals(ReservationStatus.RELEASED, reservations.find(order).orElseThrow().status());
    }

    @Test
    void a_transition_of_a_sku_with_no_item_fails_and_moves_nothing() {
        Sku gone = new Sku("NO-ITEM");
        Reservation made = new Reservation(order, ReservationStatus.RESERVED, List.of(new StockLine(SKU_1, 1), new StockLine(gone, 1)), List.of());
        dynamoDb.client().putItem(b -> b.tableName(table).item(DynamoDbReservations.reservedItem(order, made.lines(), Instant.now())));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> reservations.apply(made, Transition.onShip(ReservationStatus.RESERVED).orElseThrow(), "shipped-1"));

        assertTrue(e.getMessage().contains(order.value()), e.getMessage());
        assertEquals(new StockCounts(10, 0, 0), stock.counts(SKU_1), "the line whose sku exists did not move either");
        assertEquals(ReservationStatus.RESERVED, reservations.find(order).orElseThrow().status());
    }

    @Test
    void a_transaction_that_meets_another_on_its_items_is_tried_again_as_DynamoDB_asks() {
        // AWS cancels a transaction with TransactionConflict when another one holds a sku item (a hot sku); this local
        // DynamoDB serialises transactions and never does unless asked to (its stated divergence)
        dynamoDb.server().failNextTransactionsWithConflict(3);

        assertEquals(new Attempt.Reserved(), reservations.reserve(decision(new StockLine(SKU_1, 3)), "placed-1"));

        assertEquals(3, reservations.transactionRetries());
        assertEquals(new StockCounts(7, 3, 0), stock.counts(SKU_1), "held once, after three refused attempts");
    }

    @Test
    void a_transaction_that_keeps_conflicting_fails_so_the_event_is_retried_later_and_nothing_moved() {
        dynamoDb.server().failNextTransactionsWithConflict(Transactions.ATTEMPTS);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> reservations.reserve(decision(new StockLine(SKU_1, 3)), "placed-1"));

        assertTrue(e.getMessage().contains("conflicting"), e.getMessage());
        assertEquals(new StockCounts(10, 0, 0), stock.counts(SKU_1));
        assertTrue(reservations.find(order).isEmpty());
    }

    private OwedEvent decision(StockLine... lines) {
        return OwedEvent.of(OwedEvent.Kind.RESERVED, new Reservation(order, ReservationStatus.RESERVED, List.of(lines), List.of()),
                Instant.now(), "corr-1");
    }
}
