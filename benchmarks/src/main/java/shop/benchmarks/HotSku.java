package shop.benchmarks;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import shop.localparts.LambdaLayer;
import shop.localparts.TemplateTables;
import shop.localparts.TransactionalDynalite;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./benchmarks/run --hot-sku}: N orders racing for one sku, straight through the inventory's use cases and
 * DynamoDB adapter as the deployed jar holds them (not through local-cloud's bus), one thread per concurrent Lambda
 * instance, against the local DynamoDB (dynalite behind its transactional front). {@code --inventory-jar} runs the same race on another build (main's, before the storage
 * change). Two floors in the same run, against the same DynamoDB: N unconditional PutItems (N items, in parallel), and
 * N conditional decrements of one item (the least a reservation that never oversells writes on a hot sku).
 */
final class HotSku {

    private HotSku() {
    }

    static String run(Path root, Path inventoryJar, int orders, int stock, int threads) throws Exception {
        String loadBefore = Memory.loadAverage();
        Map<String, String> result;
        try (TransactionalDynalite dynamoDb = TransactionalDynalite.start(); DynamoDbClient admin = TemplateTables.localClient(dynamoDb.endpoint())) {
            TemplateTables.ofProject().create(admin, "InventoryTable", "bench-inventory");
            try (URLClassLoader loader = new URLClassLoader(classpath(root, inventoryJar), ClassLoader.getPlatformClassLoader())) {
                @SuppressWarnings("unchecked")
                Function<Map<String, String>, Map<String, String>> race = (Function<Map<String, String>, Map<String, String>>)
                        loader.loadClass("shop.benchmarks.hotsku.HotSkuRace").getConstructor().newInstance();
                result = race.apply(Map.of("endpoint", dynamoDb.endpoint(), "table", "bench-inventory", "orders", Integer.toString(orders),
                        "stock", Integer.toString(stock), "threads", Integer.toString(threads)));
            }
        }
        long total = Long.parseLong(result.get("available")) + Long.parseLong(result.get("held")) + Long.parseLong(result.get("shipped"));
        boolean honest = total == Long.parseLong(result.get("seeded")) && Long.parseLong(result.get("reserved")) == Math.min(orders, stock);
        StringBuilder out = new StringBuilder();
        out.append("### Hot sku: ").append(orders).append(" orders of 1 unit racing for ").append(stock).append(" units, ")
                .append(threads).append(" threads\n\n");
        out.append("inventory jar: `").append(root.relativize(inventoryJar.toAbsolutePath())).append("`; load ").append(loadBefore)
                .append(" at start, ").append(Memory.loadAverage()).append(" at end\n\n");
        out.append("| phase | orders/s | DynamoDB calls | conditional check failures | sku-write retries |\n| --- | --- | --- | --- | --- |\n");
        out.append(String.format("| floor: %d unconditional PutItems | %s | %d | 0 | 0 |%n", orders, result.get("floorPutsPerSecond"), orders));
        out.append(String.format("| hot-item floor: %d conditional decrements of one item | %s | %d | 0 | 0 |%n", orders,
                result.getOrDefault("floorHotItemPerSecond", "not measured by this harness"), orders));
        out.append(String.format("| reserve (%s reserved, %s short) | %s | %s | %s | %s |%n", result.get("reserved"), result.get("rejected"),
                result.get("reservePerSecond"), result.get("reserveCalls"), result.get("reserveConditionFailures"), result.get("reserveRetries")));
        out.append(String.format("| release the reserved | %s | %s | %s | %s |%n%n", result.get("releasePerSecond"), result.get("releaseCalls"),
                result.get("releaseConditionFailures"), result.get("releaseRetries")));
        out.append(String.format("After: available %s + held %s + shipped %s = %d, seeded %s: %s%n", result.get("available"), result.get("held"),
                result.get("shipped"), total, result.get("seeded"), honest ? "never oversold" : "MISMATCH"));
        if (!honest) {
            throw new IllegalStateException("oversold or lost stock:\n" + out);
        }
        return out.toString();
    }

    /** The race's own class, then the function's jar, then the FunctionLayer's jars: the classpath Lambda gives it. */
    private static URL[] classpath(Path root, Path inventoryJar) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(root.resolve("benchmarks/target/classes").toUri().toURL());
        urls.add(inventoryJar.toAbsolutePath().toUri().toURL());
        try (Stream<Path> jars = Files.list(LambdaLayer.libraries(root.resolve("function-layer/target/function-layer.zip")))) {
            for (Path jar : jars.sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }
}
