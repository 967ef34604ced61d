package shop.localcloud.lambda;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import shop.localcloud.cloudformation.Model.AsyncConfig;
import shop.localcloud.cloudformation.Model.FunctionSpec;
import shop.localcloud.common.UserError;

/**
 * One function run exactly as local-cloud runs it (its jar in a fresh JVM under the RIC, the template's environment,
 * the local parts' endpoints), one execution environment at a time, for measurement tools such as the benchmarks.
 */
public final class MeasuredFunction implements AutoCloseable {

    /** How one invocation ended, and how long it took from the event's hand-over to the runtime's answer. */
    public record Result(boolean ok, String payload, String error, long millis) {
    }

    private final LocalFunction function;
    private final ScheduledExecutorService timer;

    private MeasuredFunction(LocalFunction function, ScheduledExecutorService timer) {
        this.function = function;
        this.timer = timer;
    }

    /**
     * A function of the template, reaching the local parts at {@code endpoints}; {@code environment} overrides or adds
     * variables (e.g. JAVA_TOOL_OPTIONS), and {@code artifact}, if not null, replaces its CodeUri jar (to compare a
     * variant build with the same everything else).
     */
    public static MeasuredFunction of(FunctionSpec function, SdkEndpoints endpoints, Path artifact, Path dataDir,
                                      List<Path> extraClasspath, Map<String, String> environment, Consumer<String> logs) {
        return of(function, endpoints, artifact, false, null, dataDir, extraClasspath, environment, logs);
    }

    /**
     * As above; with {@code wrapper} not null, the runtime loads that handler instead and finds the template's handler in
     * the variable SHOP_BENCH_HANDLER (a wrapper on the extra classpath that adds a step around the real handler).
     * With {@code selfContained}, {@code artifact} is a jar with every library in it and runs without the template's layers.
     */
    public static MeasuredFunction of(FunctionSpec function, SdkEndpoints endpoints, Path artifact, boolean selfContained,
                                      String wrapper, Path dataDir, List<Path> extraClasspath, Map<String, String> environment,
                                      Consumer<String> logs) {
        FunctionSpec spec = function;
        Map<String, String> variables = new LinkedHashMap<>(environment);
        if (wrapper != null) {
            variables.put("SHOP_BENCH_HANDLER", spec.handler());
        }
        spec = spec.withArtifact(artifact == null ? spec.artifact() : artifact, wrapper == null ? spec.handler() : wrapper,
                spec.environment());
        if (selfContained) {
            spec = spec.withoutLayers();
        }
        return start(spec, endpoints, dataDir, extraClasspath, variables, logs);
    }

    /**
     * A function the template does not have (a hello-world floor), run with the same command, and the same memory and
     * environment (Globals included, e.g. JAVA_TOOL_OPTIONS) as the template's function {@code like}.
     */
    public static MeasuredFunction adHoc(FunctionSpec like, SdkEndpoints endpoints, String functionId, Path jar, String handler,
                                         Path dataDir, List<Path> extraClasspath, Map<String, String> environment,
                                         Consumer<String> logs) {
        FunctionSpec spec = new FunctionSpec(functionId, jar, List.of(), handler, like.environment(), like.memoryMb(), 30,
                new AsyncConfig(0, 60, null));
        return start(spec, endpoints, dataDir, extraClasspath, environment, logs);
    }

    private static MeasuredFunction start(FunctionSpec template, SdkEndpoints endpoints, Path dataDir, List<Path> extraClasspath,
                                          Map<String, String> environment, Consumer<String> logs) {
        Map<String, String> variables = new LinkedHashMap<>(template.environment());
        variables.putAll(environment);
        FunctionSpec spec = template.withArtifact(template.artifact(), template.handler(), variables);
        Path logsDir = directory(dataDir.resolve("logs"));
        List<String> command = new ArrayList<>(LambdaEnvironment.command(spec, logsDir));
        int cp = command.indexOf("-cp") + 1;
        StringBuilder classpath = new StringBuilder(command.get(cp));
        extraClasspath.forEach(p -> classpath.append(File.pathSeparator).append(p));
        command.set(cp, classpath.toString());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "measured-" + spec.logicalId());
            thread.setDaemon(true);
            return thread;
        });
        LocalFunction function = new LocalFunction(spec, command,
                LambdaEnvironment.of(spec, endpoints.byService(), directory(dataDir.resolve("task"))), 1, timer, logs);
        return new MeasuredFunction(function, timer);
    }

    /** Invokes once (starting an execution environment if none runs) and waits for the answer. */
    public Result invoke(byte[] payload, Duration timeout) {
        try {
            InvocationResult result = function.invoke(payload).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(result.ok(), result.payloadText(), result.ok() ? null : result.summary(), result.durationMillis());
        } catch (Exception e) {
            return new Result(false, "", e.toString(), timeout.toMillis());
        }
    }

    /** The running execution environment's process id, if one runs. */
    public OptionalLong pid() {
        String handler = function.spec().handler();
        String jar = function.spec().artifact().toString();
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(jar) && c.endsWith(handler)).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst();
    }

    /** Kills every execution environment and waits until they are gone, so the next invocation is a cold start. */
    public void stopAll() throws InterruptedException {
        function.stopInstances();
        long deadline = System.currentTimeMillis() + 10_000;
        while (function.instanceCount() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
    }

    /** The classpath its JVMs start with (the artifact, its layers, the RIC, any extra entries). */
    public String classpath() {
        List<String> command = function.command();
        return command.get(command.indexOf("-cp") + 1);
    }

    /** A variable of the environment its JVMs get (the template's, Globals merged, plus any overrides). */
    public String environmentVariable(String name) {
        return function.spec().environment().get(name);
    }

    public int memoryMb() {
        return function.spec().memoryMb();
    }

    public Path artifact() {
        return function.spec().artifact();
    }

    @Override
    public void close() {
        function.close();
        timer.shutdownNow();
    }

    private static Path directory(Path dir) {
        try {
            return java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new UserError("cannot create " + dir + ": " + e.getMessage());
        }
    }
}
