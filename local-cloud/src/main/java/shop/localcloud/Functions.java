package shop.localcloud;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import shop.localcloud.cloudformation.Model.FunctionSpec;
import shop.localcloud.cloudformation.Model.SystemSpec;
import shop.localcloud.common.Flow;
import shop.localcloud.common.Throttles;
import shop.localcloud.common.UserError;
import shop.localcloud.lambda.Concurrency;
import shop.localcloud.lambda.LambdaEnvironment;
import shop.localcloud.lambda.LocalFunction;
import shop.localcloud.lambda.SdkEndpoints;

/**
 * The template's functions, each with its execution environments, its task root and its log file under the data folder,
 * all under one account's Lambda concurrency caps.
 */
final class Functions {

    private Functions() {
    }

    /** By logical id, in the template's order; each JVM starts at the function's first invocation. */
    static Map<String, LocalFunction> create(SystemSpec spec, SdkEndpoints endpoints, Options options, Flow flow, Throttles throttles,
                                             Resources resources) {
        Path taskRoot = directory(options.dataDir().resolve("task"));
        Path logs = directory(options.dataDir().resolve("logs"));
        Map<String, LocalFunction> functions = new LinkedHashMap<>();
        options.environment().keySet().stream().filter(id -> spec.functions().stream().noneMatch(f -> f.logicalId().equals(id)))
                .findFirst().ifPresent(id -> {
                    throw new UserError("an environment override names " + id + ", which is not a function in the template");
                });
        Concurrency concurrency = Concurrency.of(spec.functions(), options.quotas().accountConcurrency(), throttles);
        for (FunctionSpec function : spec.functions()) {
            Consumer<String> log = logSink(logs.resolve(function.logicalId() + ".log"), function.logicalId(), options, flow, resources);
            Map<String, String> environment = new LinkedHashMap<>(LambdaEnvironment.of(function, endpoints.byService(), taskRoot));
            environment.putAll(options.environment().getOrDefault(function.logicalId(), Map.of()));
            functions.put(function.logicalId(), resources.closing(new LocalFunction(function, LambdaEnvironment.command(function, logs),
                    environment, options.concurrency(), resources.timer(), log, concurrency)));
        }
        return Collections.unmodifiableMap(functions);
    }

    /** Stops the JVMs of functions that no route, rule, schedule or queue invokes (custom resources ran them once at start). */
    static void stopUntriggered(SystemSpec spec, Map<String, LocalFunction> functions) {
        functions.values().stream().filter(f -> !hasEvents(spec, f.id())).forEach(LocalFunction::stopInstances);
    }

    private static boolean hasEvents(SystemSpec spec, String functionId) {
        return spec.routes().stream().anyMatch(r -> r.functionId().equals(functionId))
                || spec.rules().stream().anyMatch(r -> functionId.equals(r.functionId()))
                || spec.schedules().stream().anyMatch(s -> s.functionId().equals(functionId))
                || spec.queueSources().stream().anyMatch(s -> s.functionId().equals(functionId));
    }

    private static Consumer<String> logSink(Path file, String functionId, Options options, Flow flow, Resources resources) {
        BufferedWriter writer;
        try {
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UserError("cannot write function logs to " + file + ": " + e.getMessage());
        }
        resources.closing(writer);
        return line -> {
            synchronized (writer) {
                try {
                    writer.write(line);
                    writer.newLine();
                    writer.flush();
                } catch (IOException ignored) {
                    // logs are best effort
                }
            }
            if (options.functionLogsOnConsole()) {
                flow.info("[" + functionId + "] " + line);
            }
        };
    }

    static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("cannot create " + dir + ": " + e.getMessage() + "; pass --data <writable folder>");
        }
    }
}
