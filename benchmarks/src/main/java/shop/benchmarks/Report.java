package shop.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import shop.benchmarks.FunctionBench.Measured;

/** Markdown tables of what was measured, with each function's cold start as a ratio to the hello-world floor. */
final class Report {

    private Report() {
    }

    static String cold(List<Measured> results) {
        Optional<Measured> floor = results.stream().filter(m -> m.functionId().equals(Workload.HELLO)).findFirst();
        double floorMedian = floor.map(m -> Stats.of(m.coldMillis()).p50()).orElse(Double.NaN);
        StringBuilder out = new StringBuilder();
        out.append("| function | MB | starts | cold p50 ms | cold p90 ms | x floor (p50) | first invoke p50 ms | SDK calls in it p50 ms | peak RSS MB |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Measured m : results) {
            if (m.coldMillis().isEmpty()) {
                continue;
            }
            Stats cold = Stats.of(m.coldMillis());
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %s | %.0f | %s | %.0f |%n", m.functionId(), m.memoryMb(),
                    cold.count(), cold.p50(), cold.p90(), ratio(cold.p50(), floorMedian), Stats.of(m.coldInvokeMillis()).p50(),
                    m.firstSdkMillis().isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f", Stats.of(m.firstSdkMillis()).p50()),
                    m.peakRssMb()));
        }
        return out.toString();
    }

    static String warm(List<Measured> results) {
        StringBuilder out = new StringBuilder();
        out.append("| function | invocations | p50 ms | p99 ms | own p50 ms | own p99 ms | waiting on AWS APIs p50 ms | p99 ms | SDK calls per invocation |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Measured m : results) {
            if (m.warmMillis().isEmpty()) {
                continue;
            }
            Stats all = Stats.of(m.warmMillis());
            String own = m.warmOwnMillis().isEmpty() ? "- | -" : twoDecimals(Stats.of(m.warmOwnMillis()));
            String wait = m.warmSdkWaitMillis().isEmpty() ? "- | -" : twoDecimals(Stats.of(m.warmSdkWaitMillis()));
            out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %s | %s | %s |%n", m.functionId(), all.count(), all.p50(),
                    all.p99(), own, wait, calls(m.sdkCallsPerInvocation())));
        }
        return out.toString();
    }

    static String ratio(double value, double floor) {
        return Double.isNaN(floor) || floor <= 0 ? "-" : String.format(Locale.ROOT, "%.1fx", value / floor);
    }

    private static String twoDecimals(Stats stats) {
        return String.format(Locale.ROOT, "%.2f | %.2f", stats.p50(), stats.p99());
    }

    static String calls(Map<String, Double> perInvocation) {
        if (perInvocation.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        perInvocation.forEach((call, n) -> out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", call, n)));
        return out.toString();
    }

    static String money(Map<String, Double> lines) {
        StringBuilder out = new StringBuilder("| per million orders | USD |\n| --- | ---: |\n");
        lines.forEach((line, dollars) -> out.append(String.format(Locale.ROOT, "| %s | %.2f |%n", line, dollars)));
        return out.toString();
    }
}
