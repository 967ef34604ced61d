package shop.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.benchmarks.probe.SdkTimingInterceptor;

/** Collects the SDK timing probe's lines from a function's output, grouped per invocation (trace id), in order. */
final class SdkCalls {

    /** One SDK call: service, operation, whole call and wire time in nanoseconds. */
    record Call(String service, String operation, boolean ok, long callNanos, long wireNanos) {
    }

    private final Map<String, List<Call>> byTrace = new LinkedHashMap<>();

    /** Parses one output line of the function; other lines are ignored. */
    synchronized void accept(String line) {
        int at = line.indexOf(SdkTimingInterceptor.PREFIX);
        if (at < 0) {
            return;
        }
        String[] parts = line.substring(at + SdkTimingInterceptor.PREFIX.length()).trim().split(" ");
        if (parts.length < 6) {
            return;
        }
        byTrace.computeIfAbsent(parts[0], t -> new ArrayList<>())
                .add(new Call(parts[1], parts[2], parts[3].equals("ok"), Long.parseLong(parts[4]), Long.parseLong(parts[5])));
    }

    synchronized void clear() {
        byTrace.clear();
    }

    /** The calls of each invocation, in the order the invocations happened. */
    synchronized List<List<Call>> perInvocation() {
        return new ArrayList<>(byTrace.values());
    }
}
