package shop.benchmarks;

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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shop.localcloud.CloudView;
import shop.localcloud.LocalCloud;
import shop.localcloud.Options;

/**
 * What one order uses of each AWS quota on its path, measured through the whole local-cloud (docs/capacity.md):
 * {@code ./benchmarks/run --capacity [--orders 200] [--rate 5]}. Every order is one unit of the one hot sku (a flash
 * sale); first all are placed (POST /orders at a fixed rate, until their conversation has ended everywhere), then the
 * warehouse ships each one (ShipParcelFunction through the Lambda API), each phase measured on its own. The counts come
 * from the wire ({@link ApiUsage}: the functions' calls to DynamoDB, EventBridge, SES and SQS), from local-cloud's flow
 * (HTTP requests, deliveries with each invocation's duration) and from the bus's archive (events).
 */
final class Capacity {

    /** The functions an order reaches (the seeds run once at start and are left as the template has them). */
    static final List<String> MEASURED = List.of("OrderApiFunction", "StockDecisionFunction", "InventoryFunction", "PackageFunction",
            "NotificationFunction", "CrmFunction", "ShipParcelFunction", "OutboxRelayFunction", "InventoryOutboxRelayFunction",
            "PackageOutboxRelayFunction");
    static final String HOT_SKU = "SKU-1";
    private static final List<String> SERVICES = List.of("DYNAMODB", "EVENTBRIDGE", "SESV2", "SQS");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MILLIS = Pattern.compile("\\((\\d+) ms\\)");

    /** Per function: each invocation's duration in ms (what Lambda bills, rounded up to 1 ms), from the flow lines. */
    private final Map<String, List<Long>> durations = new ConcurrentHashMap<>();
    private final Map<String, Long> flowKinds = new ConcurrentHashMap<>();

    private Capacity() {
    }

    /** What the harness saw at one moment, to subtract. */
    private record Snapshot(Map<String, Long> api, Map<String, Long> itemUnits, Map<String, List<Long>> durations,
                            Map<String, Long> flow, long archived, int emails, Map<String, Integer> memoryMb) {
    }

    /** One pass of both phases: what the harness saw before placing, after placing and after shipping. */
    private record Pass(Snapshot start, Snapshot placed, Snapshot shipped, int orders, int shippedOrders, String load) {
    }

    /**
     * Runs both phases twice and answers the report (markdown): once with every function's calls going through
     * {@link ApiUsage} (the counts: it reads each written item back, which would lengthen the functions' durations), then
     * once as local-cloud runs them (the durations).
     */
    static String run(Path root, Path dataDir, int orders, double perSecond, Consumer<String> progress) throws Exception {
        Pass counted;
        try (ApiUsage usage = new ApiUsage(MEASURED)) {
            counted = new Capacity().pass(root, dataDir.resolve("counted"), orders, perSecond, usage, progress);
        }
        Pass timed = new Capacity().pass(root, dataDir.resolve("timed"), orders, perSecond, null, progress);
        StringBuilder report = new StringBuilder();
        report.append("Each pass: ").append(orders).append(" POST /orders offered at ").append(perSecond).append("/s, every order 1 unit of ")
                .append(HOT_SKU).append(", local-cloud with its default 2 JVMs per function, then the warehouse ships each order.\n")
                .append("Pass 1 (counts, every call through the counting proxy): ").append(counted.orders()).append(" answered 201, ")
                .append(counted.shippedOrders()).append(" shipped; load ").append(counted.load()).append(".\n")
                .append("Pass 2 (durations, no proxy): ").append(timed.orders()).append(" answered 201, ").append(timed.shippedOrders())
                .append(" shipped; load ").append(timed.load()).append(".\n\n");
        report.append(phase("placing (POST /orders until every context has handled the order's events)", counted.start(), counted.placed(),
                counted.orders(), timed.start(), timed.placed(), timed.orders()));
        report.append(phase("shipping (the warehouse's ship action until every context has handled ParcelShipped)", counted.placed(),
                counted.shipped(), counted.shippedOrders(), timed.placed(), timed.shipped(), timed.shippedOrders()));
        return report.toString();
    }

    private Pass pass(Path root, Path dataDir, int orders, double perSecond, ApiUsage usage, Consumer<String> progress) throws Exception {
        Files.createDirectories(dataDir);
        Files.deleteIfExists(dataDir.resolve("archive.jsonl"));
        Options options = Options.defaults(root).withPorts(0, 0, 0).withDataDir(dataDir);
        if (usage != null) {
            for (String function : MEASURED) {
                for (String service : SERVICES) {
                    options = options.withEnvironment(function, "AWS_ENDPOINT_URL_" + service, usage.endpointOf(function));
                }
            }
        }
        try (LocalCloud started = LocalCloud.start(options, new PrintStream(new LineSink(this::flowLine), true, StandardCharsets.UTF_8))) {
            CloudView cloud = started.view();
            if (usage != null) {
                usage.forwardTo(cloud.sdkEndpoints().byService());
            }
            topUp(cloud);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<String> warm = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                warm.add(place(http, cloud, -1 - i));
            }
            cloud.awaitIdle(120_000);
            ship(http, cloud, warm);
            cloud.awaitIdle(120_000);
            String name = usage == null ? "timed" : "counted";
            progress.accept("capacity (" + name + "): warmed up (load " + Memory.loadAverage() + ")");

            String loadBefore = Memory.loadAverage();
            Snapshot start = snapshot(usage, cloud, dataDir);
            List<String> placed = placeAll(http, cloud, orders, perSecond);
            if (!cloud.awaitIdle(300_000)) {
                throw new IllegalStateException("the placed orders' conversations did not end within 300 s");
            }
            Snapshot afterPlacing = snapshot(usage, cloud, dataDir);
            progress.accept("capacity (" + name + "): " + placed.size() + " of " + orders + " orders placed and settled, shipping them");
            int shipped = ship(http, cloud, placed);
            if (!cloud.awaitIdle(300_000)) {
                throw new IllegalStateException("the shipped orders' conversations did not end within 300 s");
            }
            return new Pass(start, afterPlacing, snapshot(usage, cloud, dataDir), placed.size(), shipped,
                    loadBefore + " -> " + Memory.loadAverage());
        }
    }

    private Snapshot snapshot(ApiUsage usage, CloudView cloud, Path dataDir) throws IOException {
        Map<String, List<Long>> copy = new TreeMap<>();
        durations.forEach((k, v) -> {
            synchronized (v) {
                copy.put(k, new ArrayList<>(v));
            }
        });
        Path archive = dataDir.resolve("archive.jsonl");
        long archived = 0;
        if (Files.exists(archive)) {
            try (var lines = Files.lines(archive)) {
                archived = lines.filter(l -> !l.isBlank()).count();
            }
        }
        return new Snapshot(usage == null ? Map.of() : usage.counts(), usage == null ? Map.of() : usage.writeUnitsByItem(), copy,
                new TreeMap<>(flowKinds), archived, cloud.emails().size(), memory(cloud));
    }

    private static String phase(String title, Snapshot from, Snapshot to, int orders, Snapshot timedFrom, Snapshot timedTo, int timedOrders) {
        StringBuilder out = new StringBuilder("### Per order, ").append(title).append(": ").append(orders).append(" orders\n\n");
        if (orders == 0) {
            return out.append("nothing to divide by\n\n").toString();
        }
        Map<String, Long> api = minus(to.api(), from.api());
        out.append("| what | per order |\n| --- | ---: |\n");
        row(out, "HTTP API requests", minus(to.flow(), from.flow()).getOrDefault("HTTP", 0L), orders);
        row(out, "PutEvents calls", sum(api, "eventbridge:PutEvents"), orders);
        row(out, "PutEvents entries", sum(api, "events:entries"), orders);
        row(out, "events on the bus (archived)", to.archived() - from.archived(), orders);
        Map<String, Long> flow = minus(to.flow(), from.flow());
        row(out, "rule deliveries to Lambda (DELIVER + FAILED flow lines)", flow.getOrDefault("DELIVER", 0L) + flow.getOrDefault("FAILED", 0L),
                orders);
        row(out, "failed deliveries, retries, dead letters", flow.getOrDefault("FAILED", 0L) + flow.getOrDefault("RETRY", 0L)
                + flow.getOrDefault("DLQ", 0L), orders);
        row(out, "SES SendEmail calls", sum(api, "sesv2:POST /v2/email/outbound-emails"), orders);
        row(out, "emails the SES stand-in received", to.emails() - from.emails(), orders);
        row(out, "SQS calls", sumPrefix(api, "sqs:"), orders);
        row(out, "calls the counting proxy could not count (must be 0)", sum(api, "harness:errors"), orders);
        row(out, "DynamoDB write units (all items)", sum(api, "dynamodb:writeUnits"), orders);
        row(out, "DynamoDB read units (strongly consistent = 1 per 4 KB, eventually = 0.5)", sum(api, "dynamodb:halfReadUnits") / 2.0, orders);
        Map<String, Long> items = minus(to.itemUnits(), from.itemUnits());
        String hot = items.keySet().stream().filter(k -> k.contains("SKU#" + HOT_SKU)).findFirst().orElse("(none)");
        row(out, "write units on the hot sku's item (" + hot + ")", items.getOrDefault(hot, 0L), orders);
        out.append('\n');

        out.append("Lambda, per order (pass 2: durations as local-cloud's Runtime API measured them, hand-over to answer; billed = each rounded"
                + " up to 1 ms; memory from template.yaml):\n\n| function | MB | invocations | billed ms p50 | billed ms mean | GB-s | concurrency x s |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        double gbSeconds = 0;
        double busySeconds = 0;
        for (String function : MEASURED) {
            List<Long> all = timedTo.durations().getOrDefault(function, List.of());
            List<Long> ms = new ArrayList<>(all.subList(timedFrom.durations().getOrDefault(function, List.of()).size(), all.size()));
            if (ms.isEmpty() || timedOrders == 0) {
                continue;
            }
            int memory = timedTo.memoryMb().get(function);
            long billed = ms.stream().mapToLong(m -> Math.max(1, m)).sum();
            Collections.sort(ms);
            double gbs = billed / 1000.0 * memory / 1024.0 / timedOrders;
            double busy = billed / 1000.0 / timedOrders;
            gbSeconds += gbs;
            busySeconds += busy;
            out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %d | %.1f | %.6f | %.4f |%n", function, memory,
                    ms.size() / (double) timedOrders, Math.max(1, ms.get(ms.size() / 2)), billed / (double) ms.size(), gbs, busy));
        }
        out.append(String.format(Locale.ROOT, "| all | | | | | %.6f | %.4f |%n%n", gbSeconds, busySeconds));

        out.append("DynamoDB and other calls per order, by function:\n\n| function | call | per order |\n| --- | --- | ---: |\n");
        api.forEach((key, n) -> {
            if (n > 0 && !key.endsWith("Units") && !key.endsWith("entries")) {
                String[] parts = key.split(" ", 2);
                out.append(String.format(Locale.ROOT, "| %s | %s | %.2f |%n", parts[0], parts[1], n / (double) orders));
            }
        });
        out.append("\nDynamoDB write units per order, by kind of item (table, key with the ids cut off), and the most any one item took:\n\n"
                + "| kind of item | items written | write units per order | most on one item, per order |\n| --- | ---: | ---: | ---: |\n");
        Map<String, List<Long>> byKind = new TreeMap<>();
        items.forEach((item, units) -> {
            if (units > 0) {
                byKind.computeIfAbsent(kind(item), k -> new ArrayList<>()).add(units);
            }
        });
        byKind.forEach((kind, units) -> out.append(String.format(Locale.ROOT, "| `%s` | %d | %.2f | %.2f |%n", kind, units.size(),
                units.stream().mapToLong(Long::longValue).sum() / (double) orders,
                units.stream().mapToLong(Long::longValue).max().orElse(0) / (double) orders)));
        return out.append('\n').toString();
    }

    /** {@code OrdersTable {"pk":{"S":"ORDER#1a2b..."}}} -> {@code OrdersTable ORDER#}: the table and the key's fixed prefixes. */
    static String kind(String item) {
        return item.replaceAll("#[^\"]*\"", "#\"").replaceAll("\\{\"S\":", "").replaceAll("[{}]", "").replace("\"", "");
    }

    private static Map<String, Integer> memory(CloudView cloud) {
        Map<String, Integer> memory = new TreeMap<>();
        MEASURED.forEach(f -> memory.put(f, cloud.spec().function(f).memoryMb()));
        return memory;
    }

    private static void row(StringBuilder out, String what, double total, int orders) {
        out.append(String.format(Locale.ROOT, "| %s | %.2f |%n", what, total / orders));
    }

    private static long sum(Map<String, Long> counts, String suffix) {
        return counts.entrySet().stream().filter(e -> e.getKey().endsWith(" " + suffix)).mapToLong(Map.Entry::getValue).sum();
    }

    private static long sumPrefix(Map<String, Long> counts, String prefix) {
        return counts.entrySet().stream().filter(e -> e.getKey().split(" ", 2)[1].startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }

    private static Map<String, Long> minus(Map<String, Long> to, Map<String, Long> from) {
        Map<String, Long> diff = new TreeMap<>();
        to.forEach((k, v) -> diff.put(k, v - from.getOrDefault(k, 0L)));
        return diff;
    }

    /** Every flow line: its kind counted, and the duration of each invocation it reports, by function. */
    private void flowLine(String line) {
        String[] words = line.trim().split("\\s+");
        if (words.length < 3) {
            return;
        }
        String kind = words[1];
        flowKinds.merge(kind, 1L, Long::sum);
        String function = switch (kind) {
            // 12:00:00.000  HTTP POST /orders -> OrderApiFunction 201 (12 ms) as alice
            case "HTTP" -> words.length > 5 && "->".equals(words[4]) ? words[5] : null;
            // 12:00:00.000  DELIVER InventoryFunction <- OrderPlaced 85cf0262 attempt 1/3: ok (12 ms) {...}
            case "DELIVER", "FAILED" -> words[2];
            // 12:00:00.000  LAMBDA Invoke ShipParcelFunction (RequestResponse): ok (12 ms)
            case "LAMBDA" -> line.contains("(RequestResponse)") && words.length > 3 ? words[3] : null;
            default -> null;
        };
        Matcher ms = MILLIS.matcher(line);
        if (function != null && ms.find()) {
            List<Long> list = durations.computeIfAbsent(function, f -> new ArrayList<>());
            synchronized (list) {
                list.add(Long.parseLong(ms.group(1)));
            }
        }
    }

    private static List<String> placeAll(HttpClient http, CloudView cloud, int orders, double perSecond) throws InterruptedException {
        ConcurrentLinkedQueue<String> placed = new ConcurrentLinkedQueue<>();
        List<java.util.concurrent.CompletableFuture<?>> inFlight = new ArrayList<>();
        long interval = (long) (1_000_000_000L / perSecond);
        long next = System.nanoTime();
        for (int n = 0; n < orders; n++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next += interval;
            inFlight.add(http.sendAsync(order(cloud, n), HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
                if (response.statusCode() == 201) {
                    placed.add(orderId(response.body()));
                }
            }));
        }
        inFlight.forEach(java.util.concurrent.CompletableFuture::join);
        return new ArrayList<>(placed);
    }

    private static String place(HttpClient http, CloudView cloud, int n) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(order(cloud, n), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("warm-up order answered " + response.statusCode() + ": " + response.body());
        }
        return orderId(response.body());
    }

    private static HttpRequest order(CloudView cloud, int n) {
        String body = "{\"lines\":[{\"sku\":\"" + HOT_SKU + "\",\"quantity\":1}],\"shippingAddress\":{\"name\":\"Capacity Customer\","
                + "\"line1\":\"1 Main St\",\"city\":\"Berlin\",\"postalCode\":\"10115\",\"country\":\"DE\"},"
                + "\"contactEmail\":\"capacity-" + Math.floorMod(n, 1000) + "@example.com\"}";
        return HttpRequest.newBuilder(URI.create(cloud.httpUrl() + "/orders")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-Local-Customer", "capacity-" + Math.floorMod(n, 1000))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The warehouse ships every order's parcel (4 at a time); answers how many answered SHIPPED. */
    private static int ship(HttpClient http, CloudView cloud, List<String> orderIds) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < orderIds.size(); i++) {
                String payload = "{\"orderId\":\"" + orderIds.get(i) + "\",\"carrier\":\"DHL\",\"trackingNumber\":\"JD0146"
                        + String.format(Locale.ROOT, "%06d", i) + "\"}";
                answers.add(pool.submit(() -> {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(cloud.edgeEndpoint()
                                    + "/2015-03-31/functions/ShipParcelFunction/invocations"))
                            // the edge routes by the SigV4 credential scope, as the AWS CLI signs it (any credentials)
                            .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20261205/eu-west-1/lambda/aws4_request, "
                                    + "SignedHeaders=host, Signature=0")
                            .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 && "SHIPPED".equals(JSON.readTree(response.body()).path("status").asText());
                }));
            }
            int shipped = 0;
            for (Future<Boolean> answer : answers) {
                try {
                    shipped += answer.get() ? 1 : 0;
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a ship action failed", e.getCause());
                }
            }
            return shipped;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void topUp(CloudView cloud) {
        cloud.dynamo().updateItem(b -> b.tableName(cloud.tables().get("InventoryTable"))
                .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("SKU#" + HOT_SKU),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("STOCK")))
                .updateExpression("ADD available :n").conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":n", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1000000"))));
    }

    private static String orderId(String body) {
        try {
            return JSON.readTree(body).path("orderId").asText();
        } catch (IOException e) {
            return "";
        }
    }
}
