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
 * Why customers cancel after converting, next to how often stock let them down, over a set of orders. An order
 * converts when the shop confirms it (stock reserved for every line); a cancel of a converted order is a cancel
 * after converting, and only those make the rate ({@code / ordersConverted}), the times from placing to cancelling
 * and the reasons. Cancels of orders never confirmed (cancelled before inventory answered) are counted apart, and
 * the stock rejection rate is of all orders placed. How long converted orders took from placing to shipping (p50)
 * sits beside, over the converted orders that shipped. Computed from the orders themselves, so it cannot drift.
 */
public record CancellationInsight(long ordersPlaced, long ordersConverted, long ordersRejectedForStock,
                                  Optional<BigDecimal> stockRejectionRate, long ordersCancelled,
                                  long ordersCancelledAfterConverting, Optional<BigDecimal> cancellationRate,
                                  Optional<Duration> averageTimeToCancel, Optional<Duration> medianTimeToCancel,
                                  Map<String, Long> cancellationsByReason, long ordersShipped,
                                  Optional<Duration> medianTimeToShip) {

    public CancellationInsight {
        if (ordersCancelledAfterConverting < 0 || ordersCancelledAfterConverting > ordersConverted
                || ordersConverted > ordersPlaced || ordersCancelledAfterConverting > ordersCancelled
                || ordersCancelled > ordersPlaced || ordersRejectedForStock < 0 || ordersRejectedForStock > ordersPlaced) {
            throw new IllegalArgumentException("0 <= cancelled after converting <= converted, cancelled, rejected <= placed");
        }
        if (ordersShipped < 0 || ordersShipped > ordersConverted) {
            throw new IllegalArgumentException("0 <= shipped <= converted");
        }
        cancellationsByReason = Collections.unmodifiableMap(new LinkedHashMap<>(cancellationsByReason));
    }

    public static CancellationInsight of(Collection<CustomerOrder> orders) {
        List<CustomerOrder> cancelledAfterConverting = orders.stream().filter(CustomerOrder::isCancelledAfterConverting).toList();
        Map<String, Long> byReason = new LinkedHashMap<>();
        CancellationReason.KNOWN.forEach(code -> byReason.put(code, 0L));
        cancelledAfterConverting.forEach(o -> o.reason().ifPresent(r -> byReason.merge(r.code(), 1L, Long::sum)));
        List<Duration> times = cancelledAfterConverting.stream().flatMap(o -> o.timeToCancel().stream()).sorted().toList();
        long placed = orders.size();
        long converted = orders.stream().filter(CustomerOrder::isConverted).count();
        long rejected = orders.stream().filter(CustomerOrder::isRejectedForStock).count();
        long cancelled = orders.stream().filter(CustomerOrder::isCancelled).count();
        List<Duration> toShip = orders.stream().filter(CustomerOrder::isConverted)
                .flatMap(o -> o.timeToShip().stream()).sorted().toList();
        return new CancellationInsight(placed, converted, rejected, rate(rejected, placed), cancelled,
                cancelledAfterConverting.size(), rate(cancelledAfterConverting.size(), converted), average(times),
                median(times), byReason, toShip.size(), median(toShip));
    }

    private static Optional<BigDecimal> rate(long part, long whole) {
        return whole == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP));
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
