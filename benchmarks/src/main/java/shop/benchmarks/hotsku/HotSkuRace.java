package shop.benchmarks.hotsku;

import java.lang.reflect.Constructor;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import shop.inventory.adapter.dynamodb.DynamoDbReservations;
import shop.inventory.adapter.dynamodb.DynamoDbStock;
import shop.inventory.application.InventoryEvents;
import shop.inventory.application.InventoryOutcome;
import shop.inventory.application.OrderCancelled;
import shop.inventory.application.OrderPlaced;
import shop.inventory.application.ReleaseStock;
import shop.inventory.application.ReserveStock;
import shop.inventory.application.ShortageMetrics;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLevel;
import shop.inventory.domain.StockLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs INSIDE a class loader holding the inventory function's deployed jar and the FunctionLayer (see {@code HotSku}),
 * so the same compiled race runs against whichever inventory build is given: this branch's, or main's before the
 * storage change. Only the use cases and adapters that both builds share are called directly; JDK types cross back.
 */
public final class HotSkuRace implements Function<Map<String, String>, Map<String, String>> {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong conditionFailures = new AtomicLong();

    @Override
    public Map<String, String> apply(Map<String, String> options) {
        String table = options.get("table");
        int orders = Integer.parseInt(options.get("orders"));
        int stockUnits = Integer.parseInt(options.get("stock"));
        int threads = Integer.parseInt(options.get("threads"));
        Sku sku = new Sku("HOT-1");
        try (DynamoDbClient dynamo = client(options.get("endpoint"))) {
            DynamoDbStock stock = new DynamoDbStock(dynamo, table);
            DynamoDbReservations reservations = new DynamoDbReservations(dynamo, table, Clock.systemUTC());
            InventoryEvents published = decision -> { };
            ShortageMetrics metrics = (order, skus) -> { };
            ReserveStock reserve = useCase(ReserveStock.class, stock, reservations, published, metrics, Clock.systemUTC());
            ReleaseStock release = useCase(ReleaseStock.class, stock, reservations);
            stock.seed(new StockLevel(sku, stockUnits));
            Map<String, String> result = new LinkedHashMap<>();

            long floorStart = System.nanoTime();
            race(threads, nTimes(orders, i -> () -> {
                dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("FLOOR#" + i),
                        "sk", AttributeValue.fromS("FLOOR"), "n", AttributeValue.fromN("1"))));
                return null;
            }));
            result.put("floorPutsPerSecond", rate(orders, floorStart));

            // the second floor: what a never-oversell reservation must at least write on a hot sku, one conditional
            // decrement of the one item per order; DynamoDB (and dynalite) apply writes to one item one at a time
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("FLOOR#HOT"), "sk", AttributeValue.fromS("FLOOR"),
                    "n", AttributeValue.fromN(Integer.toString(orders)))));
            long hotStart = System.nanoTime();
            race(threads, nTimes(orders, i -> () -> {
                dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("FLOOR#HOT"), "sk", AttributeValue.fromS("FLOOR")))
                        .updateExpression("SET n = n - :one").conditionExpression("n >= :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
                return null;
            }));
            result.put("floorHotItemPerSecond", rate(orders, hotStart));

            List<OrderPlaced> placed = nTimes(orders, i -> new OrderPlaced(UUID.randomUUID().toString(), "bench",
                    new OrderId(UUID.randomUUID().toString()), List.of(new StockLine(sku, 1))));
            calls.set(0);
            conditionFailures.set(0);
            long reserveStart = System.nanoTime();
            List<InventoryOutcome> outcomes = race(threads, nTimes(orders, i -> () -> reserve.handle(placed.get(i))));
            result.put("reservePerSecond", rate(orders, reserveStart));
            result.put("reserveSeconds", seconds(reserveStart));
            long reservedCount = outcomes.stream().filter(o -> o.kind() == InventoryOutcome.Kind.RESERVED).count();
            result.put("reserved", Long.toString(reservedCount));
            result.put("rejected", Long.toString(outcomes.stream().filter(o -> o.kind() == InventoryOutcome.Kind.REJECTED_SHORT).count()));
            result.put("reserveCalls", Long.toString(calls.get()));
            result.put("reserveConditionFailures", Long.toString(conditionFailures.get()));
            result.put("reserveRetries", retries(stock, reservations));

            List<OrderId> toCancel = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                if (outcomes.get(i).kind() == InventoryOutcome.Kind.RESERVED) {
                    toCancel.add(placed.get(i).orderId());
                }
            }
            calls.set(0);
            conditionFailures.set(0);
            long releaseStart = System.nanoTime();
            race(threads, nTimes(toCancel.size(), i -> () -> release.handle(new OrderCancelled(UUID.randomUUID().toString(), toCancel.get(i)))));
            result.put("releasePerSecond", rate(toCancel.size(), releaseStart));
            result.put("releaseCalls", Long.toString(calls.get()));
            result.put("releaseConditionFailures", Long.toString(conditionFailures.get()));
            result.put("releaseRetries", retries(stock, reservations));
            result.putAll(counters(dynamo, table, sku));
            result.put("seeded", Integer.toString(stockUnits));
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("hot-sku race failed", e);
        }
    }

    /**
     * Writes the adapter retried after another order's write met it on the sku item: a sku write that lost a race (main
     * before transactions), or a transaction cancelled by a conflict or a throttle (today's; none against this serialising
     * local DynamoDB unless injected). The oldest build has neither.
     */
    private static String retries(DynamoDbStock stock, DynamoDbReservations reservations) {
        for (Object adapter : new Object[] {stock, reservations}) {
            for (String counter : new String[] {"conflicts", "transactionRetries"}) {
                try {
                    return adapter.getClass().getMethod(counter).invoke(adapter).toString() + " (cumulative)";
                } catch (ReflectiveOperationException none) {
                    // not this build's counter
                }
            }
        }
        return "none (this build never retries a sku write)";
    }

    /**
     * A use case built with whichever constructor this build has, each parameter taking the next argument that fits:
     * today's take the reservations alone, the builds before transactions took the stock port too. Not through the
     * inventory's {@code handler.Wiring}: it builds everything from the Lambda environment (AWS_REGION, TABLE_NAME,
     * EVENT_BUS_NAME, endpoints), which this in-process race cannot set, on clients without the call counter, and it
     * wires the bus and the EMF metrics, which the race leaves out to time the hot sku's DynamoDB writes alone.
     */
    private static <T> T useCase(Class<T> type, Object... arguments) throws ReflectiveOperationException {
        for (Constructor<?> constructor : type.getConstructors()) {
            Object[] picked = new Object[constructor.getParameterCount()];
            int next = 0;
            int filled = 0;
            for (Class<?> parameter : constructor.getParameterTypes()) {
                while (next < arguments.length && !parameter.isInstance(arguments[next])) {
                    next++;
                }
                if (next < arguments.length) {
                    picked[filled++] = arguments[next++];
                }
            }
            if (filled == picked.length) {
                return type.cast(constructor.newInstance(picked));
            }
        }
        throw new NoSuchMethodException("no constructor of " + type.getName() + " takes these arguments");
    }

    /** The sku item as stored, read the same way for both builds: held is the counter, or the sum of the heldFor map. */
    private static Map<String, String> counters(DynamoDbClient dynamo, String table, Sku sku) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("SKU#" + sku.value()), "sk", AttributeValue.fromS("STOCK")))).item();
        long available = Long.parseLong(item.get("available").n());
        long held = item.containsKey("held") ? Long.parseLong(item.get("held").n())
                : item.get("heldFor").m().values().stream().mapToLong(v -> Long.parseLong(v.n())).sum();
        long shipped = item.containsKey("shipped") ? Long.parseLong(item.get("shipped").n()) : 0;
        return Map.of("available", Long.toString(available), "held", Long.toString(held), "shipped", Long.toString(shipped));
    }

    private DynamoDbClient client(String endpoint) {
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                        calls.incrementAndGet();
                    }

                    @Override
                    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
                        calls.incrementAndGet();
                        if (context.exception() instanceof ConditionalCheckFailedException
                                || context.exception() instanceof TransactionCanceledException) {
                            conditionFailures.incrementAndGet();
                        }
                    }
                })).build();
    }

    /** Runs every call at once on {@code threads} threads (as that many concurrent Lambda instances), in order of results. */
    private static <T> List<T> race(int threads, List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : work) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> nTimes(int n, java.util.function.IntFunction<T> make) {
        List<T> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(make.apply(i));
        }
        return list;
    }

    private static String rate(int count, long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", count / ((System.nanoTime() - startNanos) / 1e9));
    }

    private static String seconds(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - startNanos) / 1e9);
    }
}
