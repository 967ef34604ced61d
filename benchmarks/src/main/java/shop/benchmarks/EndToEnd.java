package shop.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import shop.localcloud.CloudView;
import shop.localcloud.LocalCloud;
import shop.localcloud.Options;

/**
 * Orders over HTTP at a fixed offered rate through the whole local-cloud (API, bus, the contexts' conversation), timed
 * from each order's 201 to the moment the order context confirmed it (StockDecisionFunction done with its StockReserved:
 * from then GET shows CONFIRMED) and to the moment the last consumer finished with the order's events (OrderPlaced
 * at inventory and crm, StockReserved at order, OrderConfirmed at package, notification and crm). An order answered 201
 * whose conversation does not end is lost. Stock is topped up first, so every order can be confirmed.
 */
final class EndToEnd {

    /** Every delivery an order's conversation owes: function and the detail-type it gets. */
    static final List<String> CONVERSATION = List.of("InventoryFunction OrderPlaced", "CrmFunction OrderPlaced",
            "StockDecisionFunction StockReserved", "PackageFunction OrderConfirmed", "NotificationFunction OrderConfirmed",
            "CrmFunction OrderConfirmed");
    static final String CONFIRMED = "StockDecisionFunction StockReserved";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_IN_FLIGHT = 256;

    /** What one run saw. Times in milliseconds. */
    record Result(double offeredPerSecond, int seconds, int concurrency, int sent, int created, int rejected, int completed,
                  int lost, double createdPerSecond, double completedPerSecond, List<Double> apiMillis,
                  List<Double> doneAfter201Millis, List<Double> confirmedAfter201Millis, double eventsPerOrder,
                  double emailsPerOrder, double drainMillis, Map<String, Integer> flowCounts, String loadAfter,
                  Map<String, Double> cpuSeconds) {
    }

    private record Order(long sentNanos, long createdNanos, String orderId) {
    }

    private final Map<String, Map<String, Long>> deliveredByShortId = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> flowCounts = new ConcurrentHashMap<>();

    Result run(Path root, Path dataDir, double perSecond, int seconds, int concurrency, Consumer<String> progress)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Files.deleteIfExists(dataDir.resolve("archive.jsonl"));
        Options options = Options.defaults(root).withPorts(0, 0, 0).withDataDir(dataDir).withConcurrency(concurrency);
        try (LocalCloud started = LocalCloud.start(options, new PrintStream(new LineSink(this::flowLine), true, StandardCharsets.UTF_8))) {
            CloudView cloud = started.view();
            progress.accept("end-to-end: local-cloud up, " + perSecond + " orders/s offered for " + seconds + " s, "
                    + concurrency + " JVMs per function at most (load " + Memory.loadAverage() + ")");
            for (int sku = 1; sku <= 5; sku++) {
                topUp(cloud, "SKU-" + sku);
            }
            warmUp(cloud, progress);
            int emailsBefore = cloud.emails().size();
            deliveredByShortId.clear();
            flowCounts.clear();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ConcurrentLinkedQueue<Order> orders = new ConcurrentLinkedQueue<>();
            AtomicInteger rejected = new AtomicInteger();
            Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
            CpuShares cpu = new CpuShares();
            cpu.start();
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long interval = (long) (1_000_000_000L / perSecond);
            int sent = 0;
            for (long next = start; next < end; next += interval) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                inFlight.acquire();
                long sentNanos = System.nanoTime();
                int n = sent++;
                http.sendAsync(placeOrder(cloud.httpUrl(), n), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    long now = System.nanoTime();
                    inFlight.release();
                    if (failure == null && response.statusCode() == 201) {
                        orders.add(new Order(sentNanos, now, orderId(response.body())));
                    } else {
                        rejected.incrementAndGet();
                    }
                });
            }
            inFlight.acquire(MAX_IN_FLIGHT);
            long loadEnded = System.nanoTime();
            progress.accept("end-to-end: " + sent + " orders sent, waiting for the consumers (load " + Memory.loadAverage() + ")");
            cloud.awaitIdle(300_000);
            long drained = System.nanoTime();
            return result(dataDir, perSecond, seconds, concurrency, sent, new ArrayList<>(orders), rejected.get(), start,
                    (drained - loadEnded) / 1e6, cpu.since(), cloud.emails().size() - emailsBefore);
        }
    }

    /** Every function's first (cold) invocation, so that the measured window is about throughput, not JVM starts. */
    private void warmUp(CloudView cloud, Consumer<String> progress) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 4; i++) {
            http.send(placeOrder(cloud.httpUrl(), -1 - i), HttpResponse.BodyHandlers.ofString());
        }
        cloud.awaitIdle(120_000);
        progress.accept("end-to-end: warmed up (load " + Memory.loadAverage() + ")");
    }

    private Result result(Path dataDir, double perSecond, int seconds, int concurrency, int sent, List<Order> created,
                          int rejected, long start, double drainMillis, Map<String, Double> cpuSeconds, int emails) throws IOException {
        Set<String> createdIds = new HashSet<>();
        created.forEach(o -> createdIds.add(o.orderId()));
        int events = 0;
        Map<String, List<String>> shortIdsByOrder = new HashMap<>();
        Set<String> collided = new HashSet<>();
        Map<String, String> orderByShortId = new HashMap<>();
        for (String line : Files.readAllLines(dataDir.resolve("archive.jsonl"))) {
            JsonNode event = JSON.readTree(line).path("event");
            events += createdIds.contains(event.path("detail").path("data").path("orderId").asText()) ? 1 : 0;
            String shortId = event.path("id").asText().substring(0, 8);
            String orderId = event.path("detail").path("data").path("orderId").asText();
            if (orderByShortId.put(shortId, orderId) != null) {
                collided.add(shortId);
            }
            shortIdsByOrder.computeIfAbsent(orderId, o -> new ArrayList<>()).add(shortId);
        }
        List<Double> api = new ArrayList<>();
        List<Double> done = new ArrayList<>();
        List<Double> confirmed = new ArrayList<>();
        int completed = 0;
        long lastDone = start;
        for (Order order : created) {
            api.add((order.createdNanos() - order.sentNanos()) / 1e6);
            Map<String, Long> firstOk = new HashMap<>();
            for (String shortId : shortIdsByOrder.getOrDefault(order.orderId(), List.of())) {
                if (!collided.contains(shortId)) {
                    deliveredByShortId.getOrDefault(shortId, Map.of()).forEach((fn, t) -> firstOk.merge(fn, t, Math::min));
                }
            }
            if (firstOk.containsKey(CONFIRMED)) {
                confirmed.add((firstOk.get(CONFIRMED) - order.createdNanos()) / 1e6);
            }
            if (firstOk.keySet().containsAll(CONVERSATION)) {
                completed++;
                long last = firstOk.values().stream().mapToLong(Long::longValue).max().orElseThrow();
                lastDone = Math.max(lastDone, last);
                done.add((last - order.createdNanos()) / 1e6);
            }
        }
        Map<String, Integer> counts = new java.util.TreeMap<>();
        flowCounts.forEach((k, v) -> counts.put(k, v.get()));
        counts.put("event id prefixes that collided (orders not judged)", collided.size());
        int lost = created.size() - completed;
        double window = (lastDone - start) / 1e9;
        return new Result(perSecond, seconds, concurrency, sent, created.size(), rejected, completed, lost,
                created.size() / (double) seconds, window <= 0 ? 0 : completed / window, api, done, confirmed,
                created.isEmpty() ? 0 : events / (double) created.size(), created.isEmpty() ? 0 : emails / (double) created.size(),
                drainMillis, counts, Memory.loadAverage(), cpuSeconds);
    }

    private void flowLine(String line) {
        long now = System.nanoTime();
        String[] words = line.trim().split("\\s+");
        if (words.length < 2) {
            return;
        }
        String kind = words[1];
        flowCounts.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        // 12:00:00.000  DELIVER InventoryFunction <- OrderPlaced 85cf0262 attempt 1/3: ok (12 ms) {...}
        if (kind.equals("DELIVER") && words.length > 5 && words[3].equals("<-")) {
            deliveredByShortId.computeIfAbsent(words[5], k -> new ConcurrentHashMap<>()).merge(words[2] + " " + words[4], now, Math::min);
        }
    }

    /** A million more units of a sku, so that this run measures the conversation of confirmed orders, not shortage. */
    private static void topUp(CloudView cloud, String sku) {
        cloud.dynamo().updateItem(b -> b.tableName(cloud.tables().get("InventoryTable"))
                .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("SKU#" + sku),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("STOCK")))
                .updateExpression("ADD available :n").conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":n", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1000000"))));
    }

    private static HttpRequest placeOrder(String api, int n) {
        String body = "{\"lines\":[{\"sku\":\"SKU-" + (1 + Math.floorMod(n, 5)) + "\",\"quantity\":1}],\"shippingAddress\":{\"name\":\"Bench "
                + "Customer\",\"line1\":\"1 Main St\",\"city\":\"Berlin\",\"postalCode\":\"10115\",\"country\":\"DE\"},"
                + "\"contactEmail\":\"bench@example.com\"}";
        return HttpRequest.newBuilder(URI.create(api + "/orders")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Local-Customer", "bench-" + Math.floorMod(n, 50))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String orderId(String body) {
        try {
            return JSON.readTree(body).path("orderId").asText();
        } catch (IOException e) {
            return "";
        }
    }
}
