package shop.crm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CancellationInsightTest {

    private static final CustomerId ADA = new CustomerId("customer-ada");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void no_orders_means_no_rates_and_no_time_to_cancel() {
        CancellationInsight insight = CancellationInsight.of(List.of());

        assertEquals(0, insight.ordersPlaced());
        assertEquals(Optional.empty(), insight.cancellationRate());
        assertEquals(Optional.empty(), insight.stockRejectionRate());
        assertEquals(Optional.empty(), insight.medianTimeToCancel());
        assertEquals(0L, insight.cancellationsByReason().get("OTHER"));
    }

    @Test
    void the_median_of_an_odd_number_of_cancellations_after_converting_is_the_middle_one() {
        CancellationInsight insight = CancellationInsight.of(List.of(cancelledAfterConverting("a", 60, "OTHER"),
                cancelledAfterConverting("b", 600, "OTHER"), cancelledAfterConverting("c", 6000, "CHANGED_MIND"),
                converted("d")));

        assertEquals(Optional.of(Duration.ofSeconds(600)), insight.medianTimeToCancel());
        assertEquals(Optional.of(Duration.ofSeconds(2220)), insight.averageTimeToCancel());
        assertEquals(Optional.of(new BigDecimal("0.7500")), insight.cancellationRate());
        assertEquals(2L, insight.cancellationsByReason().get("OTHER"));
    }

    @Test
    void a_cancel_before_converting_counts_as_a_cancel_but_not_in_the_rate_times_or_reasons() {
        CancellationInsight insight = CancellationInsight.of(List.of(cancelledAfterConverting("a", 60, "OTHER"),
                cancelledBeforeConverting("b", 5, "CHANGED_MIND"), converted("c")));

        assertEquals(3, insight.ordersPlaced());
        assertEquals(2, insight.ordersConverted());
        assertEquals(2, insight.ordersCancelled());
        assertEquals(1, insight.ordersCancelledAfterConverting());
        assertEquals(Optional.of(new BigDecimal("0.5000")), insight.cancellationRate());
        assertEquals(Optional.of(Duration.ofSeconds(60)), insight.medianTimeToCancel());
        assertEquals(0L, insight.cancellationsByReason().get("CHANGED_MIND"));
    }

    @Test
    void the_share_rejected_for_stock_is_of_every_order_placed() {
        CancellationInsight insight = CancellationInsight.of(List.of(rejected("a", "OUT_OF_STOCK"), converted("b"),
                converted("c"), rejected("d", "FRAUD_SUSPECTED")));

        assertEquals(1, insight.ordersRejectedForStock());
        assertEquals(Optional.of(new BigDecimal("0.2500")), insight.stockRejectionRate());
        assertEquals(2, insight.ordersConverted());
    }

    @Test
    void a_reason_from_a_later_schema_minor_is_counted_under_its_own_name() {
        CancellationInsight insight = CancellationInsight.of(List.of(cancelledAfterConverting("a", 60, "PAYMENT_FAILED")));

        assertEquals(1L, insight.cancellationsByReason().get("PAYMENT_FAILED"));
    }

    @Test
    void the_timeline_is_in_time_order_whatever_order_the_orders_come_in() {
        Timeline timeline = Timeline.of(ADA, List.of(cancelledAfterConverting("late", 60, "OTHER"), placed("early")));

        assertEquals(List.of("early", "late", "late", "late"),
                timeline.entries().stream().map(e -> e.orderId().value()).toList());
        assertEquals(List.of(TimelineEntry.Type.PLACED, TimelineEntry.Type.PLACED, TimelineEntry.Type.CONFIRMED,
                TimelineEntry.Type.CANCELLED), timeline.entries().stream().map(TimelineEntry::type).toList());
    }

    @Test
    void a_rejected_order_without_a_reason_cannot_exist() {
        assertThrows(IllegalArgumentException.class, () -> new CustomerOrder(new OrderId("o"), ADA, T0, Optional.empty(),
                Optional.of(T0), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static CustomerOrder placed(String order) {
        Instant at = "early".equals(order) ? T0.minusSeconds(3600) : T0;
        return CustomerOrder.placed(new OrderId(order), ADA, at);
    }

    private static CustomerOrder converted(String order) {
        return new CustomerOrder(new OrderId(order), ADA, T0, Optional.of(T0.plusSeconds(2)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static CustomerOrder rejected(String order, String reason) {
        return new CustomerOrder(new OrderId(order), ADA, T0, Optional.empty(), Optional.of(T0.plusSeconds(2)),
                Optional.of(new RejectionReason(reason)), Optional.empty(), Optional.empty());
    }

    private static CustomerOrder cancelledAfterConverting(String order, long afterSeconds, String reason) {
        return new CustomerOrder(new OrderId(order), ADA, T0, Optional.of(T0.plusSeconds(2)), Optional.empty(),
                Optional.empty(), Optional.of(T0.plusSeconds(afterSeconds)), Optional.of(new CancellationReason(reason)));
    }

    private static CustomerOrder cancelledBeforeConverting(String order, long afterSeconds, String reason) {
        return new CustomerOrder(new OrderId(order), ADA, T0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(T0.plusSeconds(afterSeconds)), Optional.of(new CancellationReason(reason)));
    }
}
