package shop.order.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.testsupport.Concurrently;

/** Conditional writes, not luck, decide races: concurrent duplicates still give one order and one event. */
class ConcurrentRequestsTest {

    private static final int CALLERS = 8;
    @RegisterExtension
    static final OrderServiceFixture fixture = new OrderServiceFixture();

    @Test
    void concurrent_retries_with_one_idempotency_key_create_one_order() throws Exception {
        List<OrderServiceFixture.Response> responses = concurrently(() -> fixture.call("place-order-with-idempotency-key.json"));

        Set<String> orderIds = responses.stream().map(r -> r.body().path("orderId").asText()).collect(Collectors.toSet());
        assertEquals(Set.of(201), responses.stream().map(OrderServiceFixture.Response::status).collect(Collectors.toSet()));
        assertEquals(1, orderIds.size());
        assertEquals(2, fixture.bus.events().stream().filter(e -> e.detailType().equals("OrderPlaced")).count(), "1.1 and 2.0, once each");
    }

    @Test
    void concurrent_cancels_publish_one_OrderCancelled() throws Exception {
        String orderId = fixture.call("place-order.json").body().path("orderId").asText();

        List<OrderServiceFixture.Response> responses = concurrently(() -> fixture.call("cancel-order.json", orderId));

        assertEquals(Set.of(200), responses.stream().map(OrderServiceFixture.Response::status).collect(Collectors.toSet()));
        assertEquals(1, fixture.bus.events().stream()
                .filter(e -> e.detailType().equals("OrderCancelled") && e.detail().path("data").path("orderId").asText().equals(orderId))
                .count());
    }

    /** The same request from {@link #CALLERS} callers at the same instant, as a client's retries could arrive. */
    private static List<OrderServiceFixture.Response> concurrently(Callable<OrderServiceFixture.Response> call) throws Exception {
        return Concurrently.call(CALLERS, call);
    }
}
