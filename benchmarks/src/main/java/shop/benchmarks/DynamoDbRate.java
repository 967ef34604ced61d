package shop.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import shop.localparts.Moto;
import shop.localparts.TemplateTables;
import shop.localparts.TransactionalDynalite;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@code ./benchmarks/run --dynamodb-rate}: what the transactional front costs. The same N client threads against raw
 * dynalite, the front on that same dynalite, and (when python3 imports it) moto on one thread, in one run; each thread
 * writes its own items, so nothing contends but the servers. A variant that fails is reported as failed, not as a rate.
 */
final class DynamoDbRate {

    private interface Operation {
        void call(DynamoDbClient client, String table, int thread, long i);
    }

    private static final Map<String, Operation> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("PutItem", (c, t, thread, i) -> c.putItem(b -> b.tableName(t).item(item(thread, i))));
        OPERATIONS.put("GetItem", (c, t, thread, i) -> c.getItem(b -> b.tableName(t).key(key(thread, i)).consistentRead(true)));
        OPERATIONS.put("conditional UpdateItem", (c, t, thread, i) -> c.updateItem(b -> b.tableName(t).key(key(thread, i))
                .updateExpression("SET n = n + :one").conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))));
        OPERATIONS.put("TransactWriteItems (update + put)", (c, t, thread, i) -> c.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().update(u -> u.tableName(t).key(key(thread, i)).updateExpression("SET n = n + :one")
                        .conditionExpression("attribute_exists(pk)").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(t).item(Map.of("pk", AttributeValue.fromS("claim-" + thread + "-" + i)))
                        .conditionExpression("attribute_not_exists(pk)")).build())));
    }

    private DynamoDbRate() {
    }

    static String run(Path logDir, int threads, int seconds) throws InterruptedException {
        Map<String, String> endpoints = new LinkedHashMap<>();
        Map<String, Map<String, String>> results = new LinkedHashMap<>();
        try (TransactionalDynalite front = TransactionalDynalite.start(); Moto moto = Moto.importable() ? Moto.start(logDir.resolve("moto.log")) : null) {
            endpoints.put("dynalite", front.dynaliteEndpoint());
            endpoints.put("front", front.endpoint());
            if (moto != null) {
                endpoints.put("moto (1 thread)", moto.endpoint());
            }
            Map<String, DynamoDbClient> clients = new LinkedHashMap<>();
            Map<String, String> tables = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, String> target : endpoints.entrySet()) {
                    DynamoDbClient client = TemplateTables.localClient(target.getValue());
                    clients.put(target.getKey(), client);
                    tables.put(target.getKey(), seed(client, "bench-rate-" + tables.size(), threads)); // front and raw share one dynalite
                    measure(client, tables.get(target.getKey()), threads, 2, OPERATIONS.get("PutItem")); // JIT warm-up, not reported
                    results.put(target.getKey(), new LinkedHashMap<>());
                }
                // operation by operation, every target in turn: a change of machine load hits all targets of a row alike
                OPERATIONS.forEach((name, operation) -> clients.forEach((target, client) ->
                        results.get(target).put(name, measure(client, tables.get(target), threads, seconds, operation))));
            } finally {
                clients.values().forEach(DynamoDbClient::close);
            }
        }
        return report(threads, seconds, endpoints.keySet(), results);
    }

    private static String seed(DynamoDbClient client, String table, int threads) {
        client.createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType("S").build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType("HASH").build()));
        while (!"ACTIVE".equals(client.describeTable(b -> b.tableName(table)).table().tableStatusAsString())) {
            Thread.onSpinWait();
        }
        for (int thread = 0; thread < threads; thread++) {
            for (int i = 0; i < 10; i++) {
                Map<String, AttributeValue> item = item(thread, i);
                client.putItem(b -> b.tableName(table).item(item));
            }
        }
        return table;
    }

    /** Calls per second over {@code seconds}, after one second of warm-up; "failed: ..." if any call failed. */
    private static String measure(DynamoDbClient client, String table, int threads, int seconds, Operation operation) {
        AtomicLong calls = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    for (long i = 0; System.nanoTime() < end && failure.get() == null; i++) {
                        operation.call(client, table, thread, i);
                        if (System.nanoTime() > warmEnd) {
                            calls.incrementAndGet();
                        }
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
            worker.start();
            workers.add(worker);
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "failed: interrupted";
        }
        Throwable failed = failure.get();
        if (failed != null) {
            return "failed: " + (failed instanceof AwsServiceException aws ? aws.awsErrorDetails().errorCode()
                    : failed.getClass().getSimpleName());
        }
        return String.format(Locale.ROOT, "%.0f", calls.get() / (double) seconds);
    }

    private static String report(int threads, int seconds, java.util.Set<String> targets, Map<String, Map<String, String>> results) {
        StringBuilder out = new StringBuilder("### Local DynamoDB request rate: " + threads + " client threads, " + seconds
                + " s per operation after 1 s warm-up (calls/s; ratio to raw dynalite in the same run)\n\n| operation |");
        targets.forEach(t -> out.append(' ').append(t).append(" |").append(t.equals("dynalite") ? "" : " ratio |"));
        out.append("\n| --- |").append(" --- |".repeat(targets.size() * 2 - 1)).append('\n');
        for (String operation : OPERATIONS.keySet()) {
            out.append("| ").append(operation).append(" |");
            String base = results.get("dynalite").get(operation);
            for (String target : targets) {
                String rate = results.get(target).get(operation);
                out.append(' ').append(rate).append(" |");
                if (!target.equals("dynalite")) {
                    out.append(' ').append(ratio(rate, base)).append(" |");
                }
            }
            out.append('\n');
        }
        return out.append('\n').toString();
    }

    private static String ratio(String rate, String base) {
        if (rate.startsWith("failed") || base.startsWith("failed")) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", Double.parseDouble(rate) / Double.parseDouble(base));
    }

    private static Map<String, AttributeValue> key(int thread, long i) {
        return Map.of("pk", AttributeValue.fromS("item-" + thread + "-" + (i % 10)));
    }

    private static Map<String, AttributeValue> item(int thread, long i) {
        return Map.of("pk", AttributeValue.fromS("item-" + thread + "-" + (i % 10)), "n", AttributeValue.fromN("0"));
    }
}
