package shop.inventory.adapter.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
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
import shop.testsupport.LocalDynamoDb;

/**
 * A hot sku at DynamoDB's per-partition write limit (scaled down: the local DynamoDB's per-item write rate): racing
 * reservations are throttled ({@code ThrottlingError} in the cancellation reasons), tried again after a jittered
 * backoff, and each one is decided; the sku is never oversold.
 */
class HotSkuWriteLimitTest {

    private static final Sku HOT = new Sku("SKU-HOT");

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    @AfterEach
    void limitOff() {
        dynamoDb.server().limitItemWrites(0); // the next test class on this DynamoDB must not inherit it
    }

    @Test
    void racing_reservations_past_the_write_limit_are_retried_until_each_is_decided_and_none_oversold() throws Exception {
        String table = dynamoDb.freshTable("InventoryTable");
        DynamoDbStock stock = new DynamoDbStock(dynamoDb.client(), table);
        DynamoDbReservations reservations = new DynamoDbReservations(dynamoDb.client(), table, Clock.systemUTC());
        stock.seed(new StockLevel(HOT, 10));
        long throttledBefore = dynamoDb.server().throttledWrites();
        dynamoDb.server().limitItemWrites(40); // 20 transactions a second on the sku: 30 at once meet it

        List<Future<Attempt>> attempts = new ArrayList<>();
        ExecutorService racers = Executors.newFixedThreadPool(30);
        try {
            for (int i = 0; i < 30; i++) {
                OrderId order = new OrderId(UUID.randomUUID().toString());
                attempts.add(racers.submit(() -> reservations.reserve(OwedEvent.of(OwedEvent.Kind.RESERVED,
                        new Reservation(order, ReservationStatus.RESERVED, List.of(new StockLine(HOT, 1)), List.of()),
                        Instant.now(), "corr"), "placed-" + order.value())));
            }
            int reserved = 0;
            int shortOfStock = 0;
            for (Future<Attempt> attempt : attempts) {
                Attempt decided = attempt.get();
                if (decided instanceof Attempt.Reserved) {
                    reserved++;
                } else if (decided instanceof Attempt.Short refused && refused.skus().equals(List.of(HOT))) {
                    shortOfStock++;
                }
            }
            assertEquals(10, reserved);
            assertEquals(20, shortOfStock);
        } finally {
            racers.shutdownNow();
        }
        assertEquals(new StockCounts(0, 10, 0), stock.counts(HOT), "exactly the 10 units there were are held");
        assertTrue(dynamoDb.server().throttledWrites() > throttledBefore, "the limit was met");
        assertTrue(reservations.transactionRetries() > 0, "and the throttled transactions were tried again");
    }

    @Test
    void a_throttle_that_outlasts_the_conflict_budget_is_waited_out_within_one_invocation() throws Exception {
        String table = dynamoDb.freshTable("InventoryTable");
        DynamoDbStock stock = new DynamoDbStock(dynamoDb.client(), table);
        DynamoDbReservations reservations = new DynamoDbReservations(dynamoDb.client(), table, Clock.systemUTC());
        stock.seed(new StockLevel(HOT, 10));
        dynamoDb.server().limitItemWrites(4); // 2 transactions a second: 12 at once take about 6 s, past 10 tries (~2 s)

        List<Future<Attempt>> attempts = new ArrayList<>();
        ExecutorService racers = Executors.newFixedThreadPool(12);
        long started = System.nanoTime();
        try {
            for (int i = 0; i < 12; i++) {
                OrderId order = new OrderId(UUID.randomUUID().toString());
                attempts.add(racers.submit(() -> reservations.reserve(OwedEvent.of(OwedEvent.Kind.RESERVED,
                        new Reservation(order, ReservationStatus.RESERVED, List.of(new StockLine(HOT, 1)), List.of()),
                        Instant.now(), "corr"), "placed-" + order.value())));
            }
            int reserved = 0;
            for (Future<Attempt> attempt : attempts) {
                reserved += attempt.get() instanceof Attempt.Reserved ? 1 : 0; // a give-up would throw out of get()
            }
            assertEquals(10, reserved);
        } finally {
            racers.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis > 2_000, "the throttle lasted longer than the conflict budget (" + millis + " ms): the case this is about");
        assertEquals(new StockCounts(0, 10, 0), stock.counts(HOT), "exactly the 10 units there were are held");
    }
}
