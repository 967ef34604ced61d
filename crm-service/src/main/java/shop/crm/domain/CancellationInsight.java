package shop.crm.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why customers cancel after converting, over a set of orders: how many were placed and cancelled, the rate,
 * how long after placing they were cancelled (average and median), and how often each reason was given.
 * Computed from the orders themselves, so it cannot drift from them.
 */
public record CancellationInsight(long ordersPlaced, long ordersCancelled, Optional<BigDecimal> cancellationRate,
                                  Optional<Duration> averageTimeToCancel, Optional<Duration> medianTimeToCancel,
                                  Map<String, Long> cancellationsByReason) {

    public CancellationInsight {
        if (ordersPlaced < 0 || ordersCancelled < 0 || ordersCancelled > ordersPlaced) {
            throw new IllegalArgumentException("0 <= cancelled <= placed");
        }
        cancellationsByReason = Collections.unmodifiableMap(new LinkedHashMap<>(cancellationsByReason));
    }

    public static CancellationInsight of(Collection<CustomerOrder> orders) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        CancellationReason.KNOWN.forEach(code -> byReason.put(code, 0L));
        List<Duration> times = orders.stream().flatMap(o -> o.timeToCancel().stream()).sorted().toList();
        orders.forEach(o -> o.reason().ifPresent(r -> byReason.merge(r.code(), 1L, Long::sum)));
        long placed = orders.size();
        long cancelled = times.size();
        Optional<BigDecimal> rate = placed == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(cancelled).divide(BigDecimal.valueOf(placed), 4, RoundingMode.HALF_UP));
        return new CancellationInsight(placed, cancelled, rate, average(times), median(times), byReason);
    }

    private static Optional<Duration> average(List<Duration> times) {
        if (times.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(times.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(times.size()));
    }

    private static Optional<Duration> median(List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int middle = sorted.size() / 2;
        return Optional.of(sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2));
    }
}
