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
    void no_orders_means_no_rate_and_no_time_to_cancel() {
        CancellationInsight insight = CancellationInsight.of(List.of());

        assertEquals(0, insight.ordersPlaced());
        assertEquals(Optional.empty(), insight.cancellationRate());
        assertEquals(Optional.empty(), insight.medianTimeToCancel());
        assertEquals(0L, insight.cancellationsByReason().get("OTHER"));
    }

    @Test
    void the_median_of_an_odd_number_of_cancellations_is_the_middle_one() {
        CancellationInsight insight = CancellationInsight.of(List.of(cancelled("a", 60, "OTHER"),
                cancelled("b", 600, "OTHER"), cancelled("c", 6000, "CHANGED_MIND"), placed("d")));

        assertEquals(Optional.of(Duration.ofSeconds(600)), insight.medianTimeToCancel());
        assertEquals(Optional.of(Duration.ofSeconds(2220)), insight.averageTimeToCancel());
        assertEquals(Optional.of(new BigDecimal("0.7500")), insight.cancellationRate());
        assertEquals(2L, insight.cancellationsByReason().get("OTHER"));
    }

    @Test
    void a_reason_from_a_later_schema_minor_is_counted_under_its_own_name() {
        CancellationInsight insight = CancellationInsight.of(List.of(cancelled("a", 60, "PAYMENT_FAILED")));

        assertEquals(1L, insight.cancellationsByReason().get("PAYMENT_FAILED"));
    }

    @Test
    void an_order_cannot_be_cancelled_before_it_was_placed() {
        assertThrows(IllegalArgumentException.class, () -> new OrderCancelled("e", new OrderId("o"), ADA, T0,
                T0.minusSeconds(1), new CancellationReason("OTHER")));
    }

    @Test
    void the_timeline_is_in_time_order_whatever_order_the_orders_come_in() {
        Timeline timeline = Timeline.of(ADA, List.of(cancelled("late", 60, "OTHER"), placed("early")));

        assertEquals(List.of("early", "late", "late"),
                timeline.entries().stream().map(e -> e.orderId().value()).toList());
    }

    private static CustomerOrder placed(String order) {
        Instant at = "early".equals(order) ? T0.minusSeconds(3600) : T0;
        return new CustomerOrder(new OrderId(order), ADA, at, Optional.empty(), Optional.empty());
    }

    private static CustomerOrder cancelled(String order, long afterSeconds, String reason) {
        return new CustomerOrder(new OrderId(order), ADA, T0, Optional.of(T0.plusSeconds(afterSeconds)),
                Optional.of(new CancellationReason(reason)));
    }
}
