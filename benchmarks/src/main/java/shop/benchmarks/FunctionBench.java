package shop.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import shop.benchmarks.probe.SnapStartSimulation;
import shop.localcloud.CloudView;
import shop.localcloud.lambda.MeasuredFunction;

/**
 * Cold starts (round-robin over the functions and the hello-world floor, so a load spike from the rest of the
 * machine hits them all alike) and then warm invocations in the JVM the last cold start left running.
 */
final class FunctionBench {

    /** What one function measured. Times in milliseconds; memory in MB. */
    record Measured(String functionId, int memoryMb, List<Double> coldMillis, List<Double> coldInvokeMillis,
                    List<Double> firstSdkMillis, List<Double> warmMillis, List<Double> warmSdkWaitMillis,
                    List<Double> warmOwnMillis, Map<String, Double> sdkCallsPerInvocation, double peakRssMb, List<String> failures) {
    }

    private final CloudView cloud;
    private final Path root;
    private final Path dataDir;
    private final Map<String, String> environment;
    private final Map<String, Path> artifacts;
    private final Map<String, String> toolOptions;
    private final java.util.Set<String> selfContained;
    private final Consumer<String> progress;

    /** @param selfContained the variants whose artifact has every library in it, run without the template's layers */
    FunctionBench(CloudView cloud, Path root, Path dataDir, Map<String, String> environment, Map<String, Path> artifacts,
                  java.util.Set<String> selfContained, Map<String, String> toolOptions, Consumer<String> progress) {
        this.artifacts = artifacts;
        this.selfContained = selfContained;
        this.toolOptions = toolOptions;
        this.cloud = cloud;
        this.root = root;
        this.dataDir = dataDir;
        this.environment = environment;
        this.progress = progress;
    }

    /** What the functions' priming steps logged (once per step and start), for the report. */
    final java.util.Set<String> primingLines = java.util.concurrent.ConcurrentHashMap.newKeySet();

    List<Measured> run(List<String> functionIds, int starts, int warmInvocations, boolean includeHello)
            throws InterruptedException, java.io.IOException {
        java.nio.file.Files.createDirectories(dataDir);
        Path probe = ProbeJars.sdkTiming(dataDir);
        Map<String, Runner> runners = new LinkedHashMap<>();
        try {
            if (includeHello) {
                SdkCalls calls = new SdkCalls();
                runners.put(Workload.HELLO, new Runner(Workload.forFunction(Workload.HELLO, root.resolve("events")), calls,
                        MeasuredFunction.adHoc(cloud.spec().function("InventoryFunction"), cloud.sdkEndpoints(), Workload.HELLO,
                                ProbeJars.hello(dataDir), "shop.benchmarks.hello.HelloHandler::handleRequest", dataDir, List.of(), environment, calls::accept)));
            }
            for (String id : functionIds) {
                SdkCalls calls = new SdkCalls();
                Map<String, String> variables = new LinkedHashMap<>(environment);
                if (toolOptions.containsKey(id)) {
                    variables.put("JAVA_TOOL_OPTIONS", toolOptions.get(id));
                }
                if (id.endsWith("@appcds")) {
                    variables.put("JAVA_TOOL_OPTIONS", AppCds.archive(cloud, root, id, dataDir, List.of(probe), variables, progress));
                }
                runners.put(id, new Runner(Workload.forFunction(id, root.resolve("events")), calls,
                        MeasuredFunction.of(cloud.spec().function(id.contains("@") ? id.substring(0, id.indexOf('@')) : id), cloud.sdkEndpoints(),
                                artifacts.get(id),
                                selfContained.contains(id),
                                id.endsWith("@primed") ? SnapStartSimulation.class.getName() + "::handleRequest" : null,
                                dataDir, List.of(probe), variables, line -> {
                                    calls.accept(line);
                                    if (Boolean.getBoolean("shop.bench.functionLogs")) {
                                        progress.accept("[" + id + "] " + line);
                                    }
                                    if (line.contains("\"message\":\"prim")) {
                                        primingLines.add(id + ": " + line.replaceAll(".*\"message\":\"([^\"]*)\".*", "$1"));
                                    }
                                })));
            }
            for (int round = 1; round <= starts; round++) {
                for (Runner runner : runners.values()) {
                    runner.coldStart();
                }
                progress.accept("cold round " + round + "/" + starts + " done (load " + Memory.loadAverage() + ")");
            }
            for (Runner runner : runners.values()) {
                runner.warm(warmInvocations);
                progress.accept("warm " + runner.workload.functionId() + " done (load " + Memory.loadAverage() + ")");
            }
            List<Measured> results = new ArrayList<>();
            runners.values().forEach(r -> results.add(r.result()));
            return results;
        } finally {
            runners.values().forEach(r -> r.function.close());
        }
    }

    /** One function under measurement. */
    private static final class Runner {

        private static final Duration TIMEOUT = Duration.ofSeconds(60);
        private final Workload workload;
        private final SdkCalls calls;
        private final MeasuredFunction function;
        private final List<Double> cold = new ArrayList<>();
        private final List<Double> coldInvoke = new ArrayList<>();
        private final List<Double> firstSdk = new ArrayList<>();
        private final List<Double> warm = new ArrayList<>();
        private final List<Double> warmSdk = new ArrayList<>();
        private final List<Double> warmOwn = new ArrayList<>();
        private final Map<String, Double> callsPerInvocation = new LinkedHashMap<>();
        private final List<String> failures = new ArrayList<>();
        private long peakRssKb;
        private int sequence;

        Runner(Workload workload, SdkCalls calls, MeasuredFunction function) {
            this.workload = workload;
            this.calls = calls;
            this.function = function;
        }

        void coldStart() throws InterruptedException {
            function.stopAll();
            calls.clear();
            long start = System.nanoTime();
            MeasuredFunction.Result result = function.invoke(workload.event(sequence++), TIMEOUT);
            double millis = (System.nanoTime() - start) / 1e6;
            check(result, "cold");
            cold.add(millis);
            coldInvoke.add((double) result.millis());
            peakRssKb = Math.max(peakRssKb, Memory.peakRssKb(function.pid()));
            Thread.sleep(300); // let the log pump hand over the probe's lines
            firstSdk.add(calls.perInvocation().stream().flatMap(List::stream).mapToLong(SdkCalls.Call::callNanos).sum() / 1e6);
        }

        void warm(int invocations) {
            int warmUp = Math.max(20, invocations / 20);
            for (int i = 0; i < warmUp; i++) {
                check(function.invoke(workload.event(sequence++), TIMEOUT), "warm-up");
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            calls.clear();
            for (int i = 0; i < invocations; i++) {
                long start = System.nanoTime();
                MeasuredFunction.Result result = function.invoke(workload.event(sequence++), TIMEOUT);
                warm.add((System.nanoTime() - start) / 1e6);
                check(result, "warm");
            }
            peakRssKb = Math.max(peakRssKb, Memory.peakRssKb(function.pid()));
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<List<SdkCalls.Call>> perInvocation = calls.perInvocation();
            if (perInvocation.size() == warm.size()) {
                for (int i = 0; i < warm.size(); i++) {
                    double wire = perInvocation.get(i).stream().mapToLong(SdkCalls.Call::wireNanos).sum() / 1e6;
                    warmSdk.add(wire);
                    warmOwn.add(Math.max(0, warm.get(i) - wire));
                }
            } else if (!perInvocation.isEmpty()) {
                failures.add("SDK probe saw " + perInvocation.size() + " invocations with calls, harness made " + warm.size()
                        + ": own/wait split not reported");
            }
            perInvocation.stream().flatMap(List::stream)
                    .forEach(c -> callsPerInvocation.merge(c.service() + "." + c.operation(), 1.0 / warm.size(), Double::sum));
        }

        private void check(MeasuredFunction.Result result, String phase) {
            boolean failed = !result.ok() || result.payload().contains("\"statusCode\":5");
            if (failed && failures.size() < 5) {
                failures.add(phase + ": " + (result.error() != null ? result.error() : result.payload()));
            }
        }

        Measured result() {
            return new Measured(workload.functionId(), function.memoryMb(), cold, coldInvoke, firstSdk, warm, warmSdk, warmOwn,
                    callsPerInvocation, peakRssKb / 1024.0, failures);
        }
    }
}
