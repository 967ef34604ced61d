package shop.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import shop.localcloud.CloudView;
import shop.localcloud.cloudformation.Model.FunctionSpec;
import shop.localcloud.lambda.MeasuredFunction;

/**
 * The {@code Function@appcds} variant: how much of a cold start is loading and linking classes (and spinning the
 * SDK's lambdas), measured by taking it away with an application class-data-sharing archive. A training JVM runs
 * the function's sample events with {@code -XX:DumpLoadedClassList}; {@code java -Xshare:dump} turns that list into
 * an archive for the exact classpath; the variant then starts with {@code -XX:SharedArchiveFile} and
 * {@code -Xshare:on}, so an archive the JVM cannot use fails the start instead of measuring nothing.
 *
 * <p>This is an experiment, not a deployment option: an archive is valid only for the JVM build that wrote it, and
 * Lambda's managed runtime updates its JVM. On AWS, SnapStart takes the loaded classes into the snapshot instead.
 */
final class AppCds {

    private static final int TRAINING_INVOCATIONS = 20;

    private AppCds() {
    }

    /** Trains, dumps, and returns the JAVA_TOOL_OPTIONS that make the variant start from the archive. */
    static String archive(CloudView cloud, Path root, String id, Path dataDir, List<Path> extraClasspath,
                          Map<String, String> variables, Consumer<String> progress) throws IOException, InterruptedException {
        FunctionSpec spec = cloud.spec().function(id.substring(0, id.indexOf('@')));
        String base;
        try (MeasuredFunction asConfigured = MeasuredFunction.of(spec, cloud.sdkEndpoints(), null, dataDir, extraClasspath, variables, line -> { })) {
            base = asConfigured.environmentVariable("JAVA_TOOL_OPTIONS"); // the template's, or the run's override
        }
        base = base == null || base.isBlank() ? "" : base.trim() + " ";
        Path classList = dataDir.resolve(id + ".classlist");
        Path archive = dataDir.resolve(id + ".jsa");
        Files.deleteIfExists(classList);
        Files.deleteIfExists(archive);

        Map<String, String> training = new LinkedHashMap<>(variables);
        training.put("JAVA_TOOL_OPTIONS", base + "-XX:DumpLoadedClassList=" + classList);
        String classpath;
        try (MeasuredFunction function = MeasuredFunction.of(spec, cloud.sdkEndpoints(), null, dataDir, extraClasspath, training,
                line -> { })) {
            Workload workload = Workload.forFunction(spec.logicalId(), root.resolve("events"));
            for (int i = 0; i < TRAINING_INVOCATIONS; i++) {
                MeasuredFunction.Result result = function.invoke(workload.event(1_000_000 + i), Duration.ofSeconds(60));
                if (!result.ok()) {
                    throw new IllegalStateException(id + ": training invocation failed: " + result.error());
                }
            }
            classpath = function.classpath();
        }
        List<String> dump = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + archive, "-cp", classpath));
        Process process = new ProcessBuilder(dump).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(id + ".dump.log").toFile()).start();
        if (process.waitFor() != 0 || !Files.isRegularFile(archive)) {
            throw new IllegalStateException(id + ": -Xshare:dump failed; see " + dataDir.resolve(id + ".dump.log"));
        }
        progress.accept(id + ": archived " + Files.readAllLines(classList).size() + " classes, "
                + Files.size(archive) / (1024 * 1024) + " MB");
        return base + "-XX:SharedArchiveFile=" + archive + " -Xshare:on";
    }
}
