package shop.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import shop.benchmarks.startup.JsonStartupProbe;
import shop.localparts.LambdaLayer;

/**
 * {@code --json-startup}: what JSON costs a cold start. Fresh JVMs (the template's JIT flags, the layer's Jackson
 * and platform) run {@link JsonStartupProbe} on a sample event: reading the file only (the floor), Jackson's
 * streaming API alone, platform's {@code Json} as the functions use it, and an ObjectMapper. Interleaved round by
 * round, like the cold starts.
 */
final class JsonStartup {

    private static final List<String> MODES = List.of("none", "streaming", "platform", "mapper");

    private JsonStartup() {
    }

    static String run(Path root, int rounds, String javaToolOptions, Consumer<String> progress)
            throws IOException, InterruptedException {
        Path layerJars = LambdaLayer.libraries(root.resolve("function-layer/target/function-layer.zip"));
        String classpath = root.resolve("benchmarks/target/classes") + java.io.File.pathSeparator + layerJars + "/*";
        Path event = root.resolve("events/inventory-service/order-placed.json");
        Map<String, List<Double>> elapsed = new LinkedHashMap<>();
        Map<String, List<Double>> process = new LinkedHashMap<>();
        MODES.forEach(mode -> {
            elapsed.put(mode, new ArrayList<>());
            process.put(mode, new ArrayList<>());
        });
        for (int round = 0; round < rounds; round++) {
            for (String mode : MODES) {
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+UseSerialGC", "-Xshare:auto"));
                command.addAll(List.of(javaToolOptions.trim().split("\\s+")));
                command.addAll(List.of("-cp", classpath, JsonStartupProbe.class.getName(), mode, event.toString()));
                command.removeIf(String::isEmpty);
                long start = System.nanoTime();
                Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(java.getInputStream().readAllBytes());
                if (!java.waitFor(60, TimeUnit.SECONDS) || java.exitValue() != 0 || !output.contains("elapsed_us=")) {
                    throw new IllegalStateException("json startup probe " + mode + " failed: " + output);
                }
                process.get(mode).add((System.nanoTime() - start) / 1e6);
                String micros = output.substring(output.indexOf("elapsed_us=") + "elapsed_us=".length()).split("\\s")[0];
                elapsed.get(mode).add(Long.parseLong(micros) / 1000.0);
            }
            progress.accept("json startup round " + (round + 1) + "/" + rounds + " done");
        }
        StringBuilder out = new StringBuilder("### JSON in a fresh JVM (first event: parse, read two fields, write an answer)\n\n");
        out.append(String.format(Locale.ROOT, "%d fresh JVMs per way, JAVA_TOOL_OPTIONS `%s`, event %s%n%n", rounds, javaToolOptions,
                root.relativize(event)));
        out.append("| way | JSON work p50 ms | p90 ms | whole JVM p50 ms |\n| --- | ---: | ---: | ---: |\n");
        for (String mode : MODES) {
            Stats work = Stats.of(elapsed.get(mode));
            Stats whole = Stats.of(process.get(mode));
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.0f |%n", label(mode), work.p50(), work.p90(), whole.p50()));
        }
        return out.toString();
    }

    private static String label(String mode) {
        return switch (mode) {
            case "none" -> "read the file only (floor)";
            case "streaming" -> "Jackson streaming API alone (JsonParser/JsonGenerator)";
            case "platform" -> "platform's Json: streaming parser into tree nodes, no ObjectMapper (the functions now)";
            default -> "a Jackson ObjectMapper: readTree, writeValueAsString (the functions before)";
        };
    }
}
