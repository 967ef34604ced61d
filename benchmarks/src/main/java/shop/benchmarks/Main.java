package shop.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import shop.benchmarks.FunctionBench.Measured;
import shop.localcloud.LocalCloud;
import shop.localcloud.Options;
import shop.localcloud.common.Flow;
import shop.localparts.ProjectRoot;

/**
 * {@code ./benchmarks/run [--quick] [--label name] [--starts 10] [--warm 1000] [--functions A,B] [--e2e-seconds 60]
 * [--e2e-rate 100] [--concurrency 2] [--java-tool-options "..."] [--skip-functions] [--skip-e2e]
 * [--jars Function@variant=path.jar,...] [--tool-options "Function@variant=-XX:...|Function@other="]}, or
 * {@code ./benchmarks/run --hot-sku [--orders 200] [--stock 100] [--threads 200] [--inventory-jar path.jar] [--label name]}
 * (only the hot-sku race, {@link HotSku}), or {@code ./benchmarks/run --dynamodb-rate [--threads 8] [--seconds 5]}
 * (only the local DynamoDB's request rate, {@link DynamoDbRate}), or {@code ./benchmarks/run --capacity [--orders 200] [--rate 5]}
 * (what one order uses of each AWS quota on its path, {@link Capacity}) (a Function@variant in
 * --functions runs that function from another jar and/or with other JAVA_TOOL_OPTIONS, side by side in the same run;
 * Function@primed runs its SnapStart priming after init and before the first invocation, as a snapshot would have): measures and prints a
 * markdown report, also written to benchmarks/results/.
 */
public final class Main {

    static final List<String> FUNCTIONS = List.of("OrderApiFunction", "OutboxRelayFunction", "InventoryFunction", "PackageFunction",
            "NotificationFunction", "CrmFunction");
    static final List<String> ARTIFACTS = List.of("order-service", "inventory-service", "package-service", "notification-service", "crm-service");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = flags(args);
        boolean quick = flags.containsKey("quick");
        int starts = Integer.parseInt(flags.getOrDefault("starts", quick ? "3" : "10"));
        int warm = Integer.parseInt(flags.getOrDefault("warm", quick ? "200" : "1000"));
        int e2eSeconds = Integer.parseInt(flags.getOrDefault("e2e-seconds", quick ? "15" : "60"));
        double e2eRate = Double.parseDouble(flags.getOrDefault("e2e-rate", "100"));
        int concurrency = Integer.parseInt(flags.getOrDefault("concurrency", "2"));
        List<String> functions = flags.containsKey("functions") ? Arrays.asList(flags.get("functions").split(",")) : FUNCTIONS;
        String label = flags.getOrDefault("label", "run");
        Map<String, String> environment = new LinkedHashMap<>();
        if (flags.containsKey("java-tool-options")) {
            environment.put("JAVA_TOOL_OPTIONS", flags.get("java-tool-options"));
        }

        Map<String, Path> artifacts = new LinkedHashMap<>();
        if (flags.containsKey("jars")) {
            for (String pair : flags.get("jars").split(",")) {
                artifacts.put(pair.substring(0, pair.indexOf('=')), Path.of(pair.substring(pair.indexOf('=') + 1)).toAbsolutePath());
            }
        }
        java.util.Set<String> selfContained = flags.containsKey("self-contained")
                ? java.util.Set.of(flags.get("self-contained").split(",")) : java.util.Set.of();
        Map<String, String> toolOptions = new LinkedHashMap<>();
        if (flags.containsKey("tool-options")) {
            for (String pair : flags.get("tool-options").split("\\|")) {
                toolOptions.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        Path root = ProjectRoot.find();
        if (flags.containsKey("hot-sku")) {
            Path jar = Path.of(flags.getOrDefault("inventory-jar", root.resolve("inventory-service/target/inventory-service.jar").toString()));
            String report = "## " + flags.getOrDefault("label", "hot-sku") + " (" + Instant.now() + ")\n\nmachine: "
                    + Runtime.getRuntime().availableProcessors() + " cores, java " + System.getProperty("java.version") + "\n\n"
                    + HotSku.run(root, jar, Integer.parseInt(flags.getOrDefault("orders", "200")),
                    Integer.parseInt(flags.getOrDefault("stock", "100")), Integer.parseInt(flags.getOrDefault("threads", "200")));
            System.out.println(report);
            Path results = Files.createDirectories(root.resolve("benchmarks/results"));
            Files.writeString(results.resolve(Instant.now().toString().replace(':', '-').substring(0, 19) + "-"
                    + flags.getOrDefault("label", "hot-sku") + ".md"), report);
            return;
        }
        if (flags.containsKey("dynamodb-rate")) {
            String report = "## " + flags.getOrDefault("label", "dynamodb-rate") + " (" + Instant.now() + ")\n\nmachine: "
                    + Runtime.getRuntime().availableProcessors() + " cores, java " + System.getProperty("java.version") + ", load at start "
                    + Memory.loadAverage() + "\n\n" + DynamoDbRate.run(Files.createDirectories(root.resolve("benchmarks/target/bench-data")),
                    Integer.parseInt(flags.getOrDefault("threads", "8")), Integer.parseInt(flags.getOrDefault("seconds", "5")))
                    + "load at end " + Memory.loadAverage() + "\n";
            System.out.println(report);
            Path results = Files.createDirectories(root.resolve("benchmarks/results"));
            Files.writeString(results.resolve(Instant.now().toString().replace(':', '-').substring(0, 19) + "-"
                    + flags.getOrDefault("label", "dynamodb-rate") + ".md"), report);
            return;
        }
        if (System.getProperty("shop.localcloud.ric") == null) {
            System.setProperty("shop.localcloud.ric", root.resolve("local-cloud/target/ric").toString());
        }
        if (flags.containsKey("capacity")) {
            String report = "## " + flags.getOrDefault("label", "capacity") + " (" + Instant.now() + ")\n\nmachine: "
                    + Runtime.getRuntime().availableProcessors() + " cores, java " + System.getProperty("java.version") + "\n\n"
                    + Capacity.run(root, Files.createDirectories(root.resolve("benchmarks/target/bench-data/capacity")),
                    Integer.parseInt(flags.getOrDefault("orders", "200")), Double.parseDouble(flags.getOrDefault("rate", "5")),
                    line -> System.out.println("  " + line));
            System.out.println(report);
            Path results = Files.createDirectories(root.resolve("benchmarks/results"));
            Files.writeString(results.resolve(Instant.now().toString().replace(':', '-').substring(0, 19) + "-"
                    + flags.getOrDefault("label", "capacity") + ".md"), report);
            System.exit(0);
        }
        Path data = Files.createDirectories(root.resolve("benchmarks/target/bench-data"));
        PrintStream out = System.out;
        StringBuilder report = new StringBuilder();
        report.append("## ").append(label).append(" (").append(Instant.now()).append(")\n\n");
        report.append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, java ")
                .append(System.getProperty("java.version")).append(", load at start ").append(Memory.loadAverage())
                .append(environment.isEmpty() ? "" : ", JAVA_TOOL_OPTIONS overridden: " + environment.get("JAVA_TOOL_OPTIONS"))
                .append("\n\n");
        report.append(footprint(root)).append('\n');

        java.util.Set<String> primingLines = new java.util.TreeSet<>();
        if (!flags.containsKey("skip-functions")) {
            List<Measured> measured;
            try (LocalCloud parts = LocalCloud.startParts(Options.defaults(root).withPorts(0, 0, 0).withDataDir(data.resolve("parts")),
                    Flow.quiet())) {
                FunctionBench bench = new FunctionBench(parts.view(), root, data.resolve("functions"), environment, artifacts, selfContained, toolOptions,
                        line -> out.println("  " + line));
                measured = bench.run(functions, starts, warm, true);
                primingLines.addAll(bench.primingLines);
            }
            report.append("### Cold start (fresh JVM through the RIC to the end of the first invocation; load after: ")
                    .append(Memory.loadAverage()).append(")\n\n").append(Report.cold(measured)).append('\n');
            report.append("### Warm (sequential, one JVM; own = total - time on the wire to DynamoDB/EventBridge/SES)\n\n")
                    .append(Report.warm(measured)).append('\n');
            measured.stream().filter(m -> !m.failures().isEmpty())
                    .forEach(m -> report.append("FAILURES ").append(m.functionId()).append(": ").append(m.failures()).append("\n\n"));
            if (!primingLines.isEmpty()) {
                report.append("priming steps logged (distinct lines): ").append(primingLines).append("\n\n");
            }
            report.append(cost(measured, root)).append('\n');
        }
        if (flags.containsKey("json-startup")) {
            report.append(JsonStartup.run(root, starts, environment.getOrDefault("JAVA_TOOL_OPTIONS", templateToolOptions(root)),
                    line -> out.println("  " + line))).append('\n');
        }
        if (!flags.containsKey("skip-e2e")) {
            EndToEnd.Result e2e = new EndToEnd().run(root, data.resolve("e2e"), e2eRate, e2eSeconds, concurrency, line -> out.println("  " + line));
            report.append(endToEnd(e2e)).append('\n');
        }
        out.println();
        out.println(report);
        Path results = Files.createDirectories(root.resolve("benchmarks/results"));
        Path file = results.resolve(Instant.now().toString().replace(':', '-').substring(0, 19) + "-" + label + ".md");
        Files.writeString(file, report);
        out.println("written to " + root.relativize(file));
        System.exit(0);
    }

    /** Globals.Function's JAVA_TOOL_OPTIONS in template.yaml, the JIT flags every function starts with. */
    @SuppressWarnings("unchecked")
    static String templateToolOptions(Path root) {
        Map<String, Object> template = shop.localparts.CloudFormationYaml.read(root.resolve("template.yaml"));
        Object value = template;
        for (String key : List.of("Globals", "Function", "Environment", "Variables", "JAVA_TOOL_OPTIONS")) {
            value = value instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
        }
        return value == null ? "" : value.toString();
    }

    static String footprint(Path root) throws IOException {
        StringBuilder out = new StringBuilder("### Artifacts\n\n| artifact | bytes | MB |\n| --- | ---: | ---: |\n");
        for (String module : ARTIFACTS) {
            Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
            long size = Files.isRegularFile(jar) ? Files.size(jar) : -1;
            out.append(String.format(Locale.ROOT, "| %s.jar | %d | %.2f |%n", module, size, size / 1024.0 / 1024.0));
        }
        Path layer = root.resolve("function-layer/target/function-layer.zip");
        long size = Files.isRegularFile(layer) ? Files.size(layer) : -1;
        out.append(String.format(Locale.ROOT, "| function-layer.zip (FunctionLayer, shared by all) | %d | %.2f |%n", size, size / 1024.0 / 1024.0));
        return out.toString();
    }

    static String cost(List<Measured> measured, Path root) throws IOException {
        List<CostModel.Invocation> invocations = new ArrayList<>();
        double writes = 0;
        double reads = 0;
        double emails = 0;
        double events = 0;
        for (Measured m : measured) {
            // one order = one API call and one OrderPlaced per consumer; variants (Function@label) are comparisons, not the system
            if (m.functionId().equals(Workload.HELLO) || m.functionId().equals("OutboxRelayFunction") || m.functionId().contains("@")
                    || m.warmMillis().isEmpty()) {
                continue;
            }
            invocations.add(new CostModel.Invocation(m.functionId(), m.memoryMb(), Stats.of(m.warmMillis()).p50()));
            for (Map.Entry<String, Double> call : m.sdkCallsPerInvocation().entrySet()) {
                String operation = call.getKey().substring(call.getKey().indexOf('.') + 1);
                if (call.getKey().startsWith("DynamoDb.")) {
                    if (CostModel.isDynamoWrite(operation)) {
                        writes += call.getValue();
                    } else {
                        reads += call.getValue();
                    }
                } else if (operation.equals("SendEmail")) {
                    emails += call.getValue();
                } else if (operation.equals("PutEvents")) {
                    events += call.getValue();
                }
            }
        }
        double eventKb = Files.size(root.resolve("events/inventory-service/order-placed.json")) / 1024.0;
        CostModel.PerOrder order = new CostModel.PerOrder(invocations, writes, reads, events, eventKb, emails);
        StringBuilder out = new StringBuilder("### Cost per million orders (").append(CostModel.PRICES_AS_OF).append(")\n\n");
        out.append(String.format(Locale.ROOT, "Per order: %s; DynamoDB %.2f writes + %.2f reads (1 unit each assumed: items under 1 KB / 4 KB), "
                + "%.2f events of %.1f KB, %.2f emails. Warm p50 durations measured here (x86, unthrottled CPU); Lambda at 512 MB has ~1/3 vCPU, "
                + "so real durations will be longer; init/restore not included.%n%n",
                invocations.stream().map(i -> String.format(Locale.ROOT, "%s %d MB x %.1f ms", i.functionId(), i.memoryMb(), i.millis())).toList(),
                writes, reads, events, eventKb, emails));
        out.append(Report.money(CostModel.perMillionOrders(order)));
        return out.toString();
    }

    static String endToEnd(EndToEnd.Result r) {
        StringBuilder out = new StringBuilder("### End to end through local-cloud\n\n");
        out.append(String.format(Locale.ROOT, "offered %.0f orders/s for %d s, up to %d JVMs per function: sent %d, 201 %d (%.1f/s), "
                        + "not 201 %d; whole conversation done for %d (%.1f orders/s from first request to last consumer done); "
                        + "LOST %d; drain after the last 201: %.0f ms; per order %.2f events on the bus and %.2f emails; load after: %s%n%n",
                r.offeredPerSecond(), r.seconds(), r.concurrency(), r.sent(), r.created(), r.createdPerSecond(), r.rejected(), r.completed(),
                r.completedPerSecond(), r.lost(), r.drainMillis(), r.eventsPerOrder(), r.emailsPerOrder(), r.loadAfter()));
        out.append("| latency | p50 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: |\n");
        if (!r.apiMillis().isEmpty()) {
            Stats api = Stats.of(r.apiMillis());
            out.append(String.format(Locale.ROOT, "| POST /orders to its 201 | %.0f | %.0f | %.0f |%n", api.p50(), api.p99(), api.max()));
        }
        if (!r.confirmedAfter201Millis().isEmpty()) {
            Stats confirmed = Stats.of(r.confirmedAfter201Millis());
            out.append(String.format(Locale.ROOT, "| 201 to CONFIRMED (order's consumer done; GET shows it) | %.0f | %.0f | %.0f |%n",
                    confirmed.p50(), confirmed.p99(), confirmed.max()));
        }
        if (!r.doneAfter201Millis().isEmpty()) {
            Stats done = Stats.of(r.doneAfter201Millis());
            out.append(String.format(Locale.ROOT, "| 201 to last consumer done | %.0f | %.0f | %.0f |%n", done.p50(), done.p99(), done.max()));
        }
        out.append("\nflow lines: ").append(r.flowCounts()).append("\n\n");
        double total = r.cpuSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
        out.append(String.format(Locale.ROOT, "CPU used from the first order to the last consumer done: %.0f s in all "
                + "(the machine has %d cores; the other engineers' processes are not counted)%n%n| process | CPU s | share |%n| --- | ---: | ---: |%n",
                total, Runtime.getRuntime().availableProcessors()));
        r.cpuSeconds().entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).forEach(e -> out.append(
                String.format(Locale.ROOT, "| %s | %.1f | %.0f%% |%n", e.getKey(), e.getValue(), 100 * e.getValue() / total)));
        return out.toString();
    }

    static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "; see the usage in BENCHMARKS.md");
            }
            String name = args[i].substring(2);
            boolean valued = i + 1 < args.length && !args[i + 1].startsWith("--");
            flags.put(name, valued ? args[++i] : "true");
        }
        return flags;
    }
}
