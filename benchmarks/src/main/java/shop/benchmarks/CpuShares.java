package shop.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** CPU time used by this JVM and each process it started, grouped by what they are: where a run's time went. */
final class CpuShares {

    private final Map<Long, Long> startNanos = new HashMap<>();
    private long selfStart;

    void start() {
        selfStart = cpu(ProcessHandle.current());
        ProcessHandle.current().descendants().forEach(p -> startNanos.put(p.pid(), cpu(p)));
    }

    /** CPU seconds per group since {@link #start()}, processes that started later counted from zero. */
    Map<String, Double> since() {
        Map<String, Double> groups = new TreeMap<>();
        groups.put("local-cloud (with the DynamoDB front) + ElasticMQ + load generator (this JVM)", (cpu(ProcessHandle.current()) - selfStart) / 1e9);
        ProcessHandle.current().descendants().forEach(p -> groups.merge(label(p.info().commandLine().orElse("?")),
                (cpu(p) - startNanos.getOrDefault(p.pid(), 0L)) / 1e9, Double::sum));
        return groups;
    }

    static String label(String commandLine) {
        if (commandLine.contains("dynalite")) {
            return "dynalite (DynamoDB behind the front, node)";
        }
        if (commandLine.contains("aws-ses") || commandLine.contains("SesV2") || commandLine.contains("ses-v2")) {
            return "SES stand-in (node)";
        }
        for (String name : List.of("OrderApiHandler", "OutboxRelayHandler", "inventory", "packaging", "notification", "crm")) {
            if (commandLine.contains("AWSLambda") && commandLine.contains(name)) {
                return "function JVMs: " + name;
            }
        }
        return commandLine.length() > 60 ? commandLine.substring(0, 60) : commandLine;
    }

    private static long cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
