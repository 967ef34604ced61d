package shop.benchmarks;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles by nearest rank over what was measured (no interpolation: every number reported is one that was seen). */
public record Stats(int count, double min, double p50, double p90, double p99, double max, double mean) {

    public static Stats of(Collection<? extends Number> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return new Stats(sorted.length, sorted[0], rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted[sorted.length - 1], Arrays.stream(sorted).average().orElseThrow());
    }

    /** The smallest sample with at least {@code percent}% of the samples at or below it. */
    static double rank(double[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
