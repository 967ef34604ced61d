package shop.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import shop.localcloud.CloudView;
import shop.localcloud.LocalCloud;
import shop.localcloud.Options;
import shop.localparts.LocalAwsClients;
import shop.localparts.ProjectRoot;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One run of the whole system (template.yaml, the services' real jars) through local-cloud, with its data, flow
 * and function logs kept under target/reliability-runs/&lt;name&gt; so that the log scan and a human can read them.
 */
final class Scenario implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The outbox relays, one per producing table (platform's OutboxRelayHandler over the table its environment names). */
    static final List<String> RELAYS = List.of("OutboxRelayFunction", "InventoryOutboxRelayFunction", "PackageOutboxRelayFunction");
    /**
     * The relays' grace in the scenarios that wait for a relay: the template leaves it at platform's 60 s. What the grace
     * guards is the same at 15 s: a relay never publishes an event the request that stored it may still be publishing,
     * because every function that stores an owed event times out sooner (the longest, InventoryFunction, at 15 s; local-cloud
     * stops an invocation at its timeout as Lambda does). {@link #start} fails if the template's timeouts outgrow it.
     */
    static final int RELAY_GRACE_SECONDS = 15;

    final String name;
    final Path dataDir;
    final CloudView cloud;
    final Shop shop;
    final Bus bus;
    private final LocalCloud started;
    private final Path flowFile;
    private final PrintStream flow;

    private Scenario(String name, Path dataDir, LocalCloud started, Path flowFile, PrintStream flow) {
        this.name = name;
        this.dataDir = dataDir;
        this.started = started;
        this.cloud = started.view();
        this.flowFile = flowFile;
        this.flow = flow;
        this.shop = new Shop(cloud.httpUrl());
        this.bus = new Bus(cloud.eventsEndpoint());
    }

    static Scenario start(String name) {
        return start(name, options -> options);
    }

    /** Starts the system with a fresh data folder; {@code tweak} changes the options (retry or schedule scale ...). */
    static Scenario start(String name, UnaryOperator<Options> tweak) {
        return start(name, tweak, true);
    }

    /**
     * Starts the system again on the data folder of the scenario {@code name} left: its archive is kept (as
     * EventBridge's is); its tables, queues and mailbox start empty (local-cloud keeps those in memory). The flow of
     * this run goes to flow-restarted.log.
     */
    static Scenario restart(String name, UnaryOperator<Options> tweak) {
        return start(name, tweak, false);
    }

    private static Scenario start(String name, UnaryOperator<Options> tweak, boolean fresh) {
        Path dir = runs().resolve(name);
        try {
            if (fresh) {
                deleteRecursively(dir);
            }
            Files.createDirectories(dir);
            Path flowFile = dir.resolve(fresh ? "flow.log" : "flow-restarted.log");
            PrintStream flow = new PrintStream(Files.newOutputStream(flowFile), true, StandardCharsets.UTF_8);
            Options options = tweak.apply(Options.defaults(ProjectRoot.find()).withDataDir(dir.resolve("data"))
                    .withPorts(0, 0, 0).withRetryScale(0.001));
            Scenario scenario = new Scenario(name, dir.resolve("data"), LocalCloud.start(options, flow), flowFile, flow);
            scenario.checkRelayGrace(options);
            scenario.warmUp();
            return scenario;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code options} with every relay's grace at {@link #RELAY_GRACE_SECONDS} instead of the template's 60 s. */
    static Options withShortRelayGrace(Options options) {
        Options changed = options;
        for (String relay : RELAYS) {
            changed = changed.withEnvironment(relay, "OUTBOX_RELAY_GRACE_SECONDS", Integer.toString(RELAY_GRACE_SECONDS));
        }
        return changed;
    }

    /**
     * A relay's grace shorter than the timeout of a function that stores owed events would let the relay publish an event
     * its request is still publishing: a duplicate on the bus, which the scenarios count exactly. So a scenario that
     * shortens the grace runs only while every producing function of the template (one that names the bus and is not a
     * relay) times out within it.
     */
    private void checkRelayGrace(Options options) {
        for (String relay : RELAYS) {
            String grace = options.environment().getOrDefault(relay, Map.of()).get("OUTBOX_RELAY_GRACE_SECONDS");
            if (grace == null) {
                continue;
            }
            cloud.spec().functions().stream()
                    .filter(f -> f.environment().containsKey("EVENT_BUS_NAME") && !RELAYS.contains(f.logicalId()))
                    .filter(f -> f.timeoutSeconds() > Integer.parseInt(grace))
                    .findFirst().ifPresent(f -> {
                        close();
                        throw new IllegalStateException(relay + "'s grace of " + grace + " s is shorter than " + f.logicalId()
                                + "'s timeout of " + f.timeoutSeconds() + " s: its relay could publish what it is still publishing");
                    });
        }
    }

    /**
     * Starts the order API's JVMs (two per function) before the load: on a busy 2-core machine a cold start under
     * eight concurrent requests can pass the function's 10 s timeout, which is a finding about cold starts, not
     * about delivery. Each scenario still counts and reports what its own requests got.
     */
    private void warmUp() {
        Parallel.map(List.of(1, 2), 2, i -> shop.get("warm-up", "00000000-0000-4000-8000-00000000000" + i));
    }

    /** Where every scenario keeps its run (data, archive, function logs, flow). */
    static Path runs() {
        return Path.of(System.getProperty("reliability.runs", "target/reliability-runs")).toAbsolutePath();
    }

    /** Waits until every delivery, retries included, has ended; fails with the end of the flow if it does not. */
    void settle() throws InterruptedException {
        if (!cloud.awaitIdle(300_000)) {
            List<String> lines = flowLines();
            throw new AssertionError(name + ": deliveries did not settle; last flow lines:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
    }

    List<String> flowLines() {
        try {
            return Files.readAllLines(flowFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flow lines that contain every one of {@code parts}. */
    long flowLinesContaining(String... parts) {
        return flowLines().stream().filter(l -> List.of(parts).stream().allMatch(l::contains)).count();
    }

    /** Every event the bus accepted (not replays), as archived: {@code {"eventBusName": .., "event": {..}}}. */
    List<JsonNode> archive() {
        Path file = dataDir.resolve("archive.jsonl");
        List<JsonNode> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    events.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    /** The archived events of one type, as the consumers receive them (the EventBridge envelope). */
    List<JsonNode> archived(String detailType) {
        return archive().stream().map(line -> line.path("event")).filter(e -> e.path("detail-type").asText().equals(detailType)).toList();
    }

    /** The order bus (template: shop-${StageName}-bus), as the archive names it. */
    String busName() {
        return archive().stream().map(line -> line.path("eventBusName").asText()).findFirst().orElse("shop-dev-bus");
    }

    Path functionLogs() {
        return dataDir.resolve("logs");
    }

    /** Events a relay function published over the run: the sum of its log's "N event(s) published" lines. */
    int relayedEvents(String relayFunction) {
        java.util.regex.Pattern published = java.util.regex.Pattern.compile("(\\d+) event\\(s\\) published");
        int total = 0;
        try {
            for (String line : Files.readAllLines(functionLogs().resolve(relayFunction + ".log"))) {
                java.util.regex.Matcher m = published.matcher(line);
                if (m.find()) {
                    total += Integer.parseInt(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    String table(String logicalId) {
        return cloud.tables().get(logicalId);
    }

    /** Every item of a table (dynalite: a few hundred items per scenario, so a Scan is fine). */
    List<Map<String, AttributeValue>> scan(String logicalId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        cloud.dynamo().scanPaginator(b -> b.tableName(table(logicalId)).consistentRead(true)).items().forEach(items::add);
        return items;
    }

    /** Adds units to a sku's stock, so that a big run is about delivery, not about running out. */
    void topUpStock(String sku, int units) {
        updateStock(sku, "ADD available :n", units);
    }

    /** Sets a sku's available units (nothing in flight): a run that needs exactly this much stock shows any unit taken twice. */
    void setAvailable(String sku, int units) {
        updateStock(sku, "SET available = :n", units);
    }

    /** One update of a seeded sku item's counters, {@code :n} being {@code units}. */
    private void updateStock(String sku, String expression, int units) {
        cloud.dynamo().updateItem(b -> b.tableName(table("InventoryTable"))
                .key(Map.of("pk", AttributeValue.fromS("SKU#" + sku), "sk", AttributeValue.fromS("STOCK")))
                .updateExpression(expression).conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Integer.toString(units)))));
    }

    int available(String sku) {
        Map<String, AttributeValue> item = cloud.dynamo().getItem(b -> b.tableName(table("InventoryTable")).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("SKU#" + sku), "sk", AttributeValue.fromS("STOCK")))).item();
        return item.containsKey("available") ? Integer.parseInt(item.get("available").n()) : -1;
    }

    SqsClient sqs() {
        return LocalAwsClients.retrying(SqsClient.builder(), cloud.sqsEndpoint());
    }

    @Override
    public void close() {
        started.close();
        flow.close();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
