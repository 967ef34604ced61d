package shop.inventory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.inventory.adapter.dynamodb.DynamoDbReservations;
import shop.inventory.adapter.dynamodb.DynamoDbStock;
import shop.inventory.application.InventoryOutcome.Kind;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockCounts;
import shop.inventory.domain.StockLevel;
import shop.inventory.domain.StockLine;
import shop.testsupport.Concurrently;
import shop.testsupport.LocalDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Issue 12's proof: one sku held by 20,000 open orders (the sku item with a heldFor map stopped at about 8,000), and
 * reservations, releases and settlements of that sku still work, in parallel. The 20,000 open orders are batch-written
 * as the items a reservation leaves ({@link DynamoDbReservations#reservedItem}) with the sku's counters set to match: 20,000 real
 * reservations would take minutes on a loaded 2-core machine; everything after that is real use cases.
 */
class TwentyThousandOpenOrdersTest {

    private static final int OPEN = 20_000;
    private static final int FREE = 100;
    private static final Sku HOT = new Sku("HOT-1");

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    @Test
    void reservations_releases_and_settlements_work_with_20000_open_orders_holding_one_sku() throws Exception {
        String table = dynamoDb.freshTable("InventoryTable");
        DynamoDbStock stock = new DynamoDbStock(dynamoDb.client(), table);
        DynamoDbReservations reservations = new DynamoDbReservations(dynamoDb.client(), table, Clock.systemUTC());
        ReserveStock reserve = new ReserveStock(reservations, decision -> { }, (order, skus) -> { }, Clock.systemUTC());
        ReleaseStock release = new ReleaseStock(reservations);
        SettleStock settle = new SettleStock(reservations);
        stock.seed(new StockLevel(HOT, FREE));
        List<OrderId> open = holdForOpenOrders(table, OPEN);
        assertEquals(new StockCounts(FREE, OPEN, 0), stock.counts(HOT));

        // 60 new orders of one unit, all at once
        List<OrderPlaced> orders = IntStream.range(0, 60).mapToObj(i -> placed(1)).toList();
        List<InventoryOutcome> reserved = Concurrently.call(orders.stream().<Callable<InventoryOutcome>>map(o -> () -> reserve.handle(o)).toList());
        assertEquals(60, reserved.stream().filter(o -> o.kind() == Kind.RESERVED).count());

        // at once: 20 of them cancelled, 20 shipped, and 10 of the old open orders given back, 10 shipped
        List<Callable<Object>> mixed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            OrderId cancelled = orders.get(i).orderId();
            OrderId shipped = orders.get(20 + i).orderId();
            mixed.add(() -> release.handle(new OrderCancelled(UUID.randomUUID().toString(), cancelled)).kind());
            mixed.add(() -> settle.handle(new ParcelShipped(UUID.randomUUID().toString(), shipped)).kind());
            OrderId old = open.get(i);
            mixed.add(i < 10 ? () -> release.handle(new OrderCancelled(UUID.randomUUID().toString(), old)).kind()
                    : () -> settle.handle(new ParcelShipped(UUID.randomUUID().toString(), old)).kind());
        }
        List<Object> outcomes = Concurrently.call(mixed);
        assertEquals(30, outcomes.stream().filter(o -> o == Kind.RELEASED).count());
        assertEquals(30, outcomes.stream().filter(o -> o == Kind.SHIPPED).count());

        // 100 free - 60 + 20 given back + 10 old given back = 70; 20,000 + 60 - 20 - 20 - 10 - 10 held; 30 shipped
        assertEquals(new StockCounts(70, OPEN, 30), stock.counts(HOT));
        assertEquals(Kind.REJECTED_SHORT, reserve.handle(placed(71)).kind(), "71 when 70 are free");
        assertEquals(Kind.RESERVED, reserve.handle(placed(70)).kind());
        assertEquals(new StockCounts(0, OPEN + 70, 30), stock.counts(HOT));
        assertEquals(FREE + OPEN, stock.counts(HOT).total(), "never oversold, nothing lost");
        long skuItemBytes = size(skuItem(table));
        assertTrue(skuItemBytes < 1_024, "the sku item stays under 1 KB (one write unit), whatever the open orders: " + skuItemBytes + " bytes");
    }

    /** Writes {@code count} RESERVED reservations of one unit in batches of 25, several batches at a time, and moves the counters to match. */
    private static List<OrderId> holdForOpenOrders(String table, int count) throws Exception {
        List<OrderId> orders = IntStream.range(0, count).mapToObj(i -> new OrderId(UUID.randomUUID().toString())).toList();
        Instant now = Instant.now();
        List<Callable<Integer>> batches = new ArrayList<>();
        for (int from = 0; from < count; from += 25) {
            List<WriteRequest> writes = orders.subList(from, Math.min(count, from + 25)).stream()
                    .map(order -> WriteRequest.builder().putRequest(PutRequest.builder().item(DynamoDbReservations.reservedItem(order, List.of(new StockLine(HOT, 1)), now)).build()).build())
                    .toList();
            batches.add(() -> write(table, writes));
        }
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            int written = 0;
            for (Future<Integer> batch : writers.invokeAll(batches)) {
                written += batch.get();
            }
            assertEquals(count, written);
        } finally {
            writers.shutdownNow();
        }
        dynamoDb.client().updateItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("SKU#" + HOT), "sk", AttributeValue.fromS("STOCK")))
                .updateExpression("SET held = held + :n").expressionAttributeValues(Map.of(":n", AttributeValue.fromN("" + count))));
        return orders;
    }

    private static int write(String table, List<WriteRequest> writes) {
        Map<String, List<WriteRequest>> left = Map.of(table, writes);
        while (!left.isEmpty()) {
            Map<String, List<WriteRequest>> request = left;
            left = dynamoDb.client().batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
        return writes.size();
    }

    private static Map<String, AttributeValue> skuItem(String table) {
        return dynamoDb.client().getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("SKU#" + HOT), "sk", AttributeValue.fromS("STOCK")))).item();
    }

    /** An item's size as DynamoDB counts it, near enough: names plus values; numbers count one byte per two digits, plus one. */
    private static long size(Map<String, AttributeValue> item) {
        return item.entrySet().stream().mapToLong(e -> e.getKey().length() + size(e.getValue())).sum();
    }

    private static long size(AttributeValue value) {
        if (value.s() != null) {
            return value.s().length();
        }
        if (value.n() != null) {
            return value.n().length() / 2 + 2;
        }
        if (value.hasM()) {
            return 3 + size(value.m()) + value.m().size();
        }
        return 1;
    }

    private static OrderPlaced placed(int quantity) {
        OrderId orderId = new OrderId(UUID.randomUUID().toString());
        return new OrderPlaced(UUID.randomUUID().toString(), "corr-" + orderId, orderId, List.of(new StockLine(HOT, quantity)));
    }
}
