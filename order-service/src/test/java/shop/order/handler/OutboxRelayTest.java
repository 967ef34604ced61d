package shop.order.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.platform.outbox.OutboxRelayHandler;
import shop.order.adapter.dynamodb.DynamoDbOrders;
import shop.order.application.OwedEvent;
import shop.order.domain.CustomerId;
import shop.order.domain.EmailAddress;
import shop.order.domain.Money;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.order.domain.OrderLine;
import shop.order.domain.ShippingAddress;
import shop.order.domain.Sku;
import shop.testsupport.CapturingEventBridge.CapturedEvent;

/** A 2xx answer means the event reaches the bus, whatever PutEvents or the function does after the write. */
class OutboxRelayTest {

    @RegisterExtension
    static final OrderServiceFixture fixture = new OrderServiceFixture();

    @Test
    void put_events_failing_entirely_still_ends_with_the_event_published_by_the_relay() {
        fixture.bus.failNextCalls(3); // every attempt of the request

        OrderServiceFixture.Response placed = fixture.call("place-order.json");

        assertEquals(201, placed.status(), "the order is stored with its event: the answer stands");
        assertEquals(0, fixture.bus.events().size());
        assertEquals(2, fixture.runRelay().path("eventsPublished").asInt(), "OrderPlaced 1.1 and 2.0");
        String orderId = placed.body().path("orderId").asText();
        assertEquals(List.of(orderId + " 1.1", orderId + " 2.0"), placedVersions());
        assertEquals(0, fixture.runRelay().path("itemsVisited").asInt(), "the outbox is empty afterwards");
    }

    @Test
    void entries_rejected_by_FailedEntryCount_are_retried_and_every_event_is_published_once() {
        fixture.bus.rejectNextEntries(5); // more than the request's three attempts: the relay finishes the job
        String first = fixture.call("place-order.json").body().path("orderId").asText();
        String second = fixture.call("place-order.json").body().path("orderId").asText();
        fixture.call("cancel-order.json", first);

        fixture.runRelay();

        assertEquals(Set.of(first, second), Set.copyOf(orderIdsOn("OrderPlaced")));
        assertEquals(List.of(first + " 1.1", first + " 2.0", second + " 1.1", second + " 2.0").stream().sorted().toList(),
                placedVersions(), "each version of each OrderPlaced once");
        assertEquals(List.of(first), orderIdsOn("OrderCancelled"));
    }

    @Test
    void an_order_stored_by_a_function_that_died_before_publishing_is_published_by_the_relay() {
        // given: what a function leaves behind when it dies right after the write: the order and its owed event
        DynamoDbOrders orders = new DynamoDbOrders(fixture.dynamo, fixture.config.ordersTable(), fixture.config.messages());
        Order order = Order.place(OrderId.generate(), new CustomerId("customer-alice"),
                List.of(new OrderLine(new Sku("SKU-2"), 1, Money.of("4.99", "EUR"))),
                new ShippingAddress("Alice Example", "1 Example Street", null, "Berlin", "10115", "DE"),
                new EmailAddress("alice@example.com"), Instant.now());
        OwedEvent owed = OwedEvent.of(OwedEvent.Fact.PLACED, order, "corr-1");
        orders.add(order, owed);

        // when
        fixture.runRelay();

        // then
        List<CapturedEvent> published = fixture.bus.events();
        assertEquals(List.of(order.id().value() + " 1.1", order.id().value() + " 2.0"), placedVersions());
        assertEquals(owed.eventId(), published.stream().filter(e -> version(e).equals("1.1")).findFirst().orElseThrow()
                .detail().path("metadata").path("eventId").asText(), "the stored 1.x event, with the eventId consumers deduplicate on");
        assertEquals(fixture.config.messages().of(owed).get(1).eventId(), published.stream().filter(e -> version(e).equals("2.0"))
                .findFirst().orElseThrow().detail().path("metadata").path("eventId").asText(), "the stored 2.0 event under its own id");
    }

    @Test
    void the_relay_leaves_fresh_events_to_the_request_that_is_still_publishing_them() {
        fixture.reset(Duration.ofMinutes(1));
        fixture.bus.failNextCalls(3);
        fixture.call("place-order.json");

        assertEquals(0, fixture.runRelay().path("itemsVisited").asInt());

        OutboxRelayHandler later = new OutboxRelayHandler(Wiring.outboxRelay(fixture.config, fixture.dynamo, fixture.events,
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2))));
        fixture.relay = later;
        assertEquals(2, fixture.runRelay().path("eventsPublished").asInt(), "OrderPlaced 1.1 and 2.0");
    }

    @Test
    void a_relay_run_that_cannot_publish_fails_and_keeps_the_event() {
        fixture.bus.failNextCalls(3);
        fixture.call("place-order.json");
        fixture.bus.failNextCalls(3);

        assertThrows(IllegalStateException.class, fixture::runRelay);

        assertEquals(2, fixture.runRelay().path("eventsPublished").asInt(), "the next run publishes both versions");
    }

    /** "orderId schemaVersion" of each OrderPlaced on the bus, sorted. */
    private static List<String> placedVersions() {
        return fixture.bus.events().stream().filter(e -> e.detailType().equals("OrderPlaced"))
                .map(e -> e.detail().path("data").path("orderId").asText() + " " + version(e)).sorted().toList();
    }

    private static String version(CapturedEvent event) {
        return event.detail().path("metadata").path("schemaVersion").asText();
    }

    private static List<String> orderIdsOn(String detailType) {
        return fixture.bus.events().stream().filter(e -> e.detailType().equals(detailType))
                .map(e -> e.detail().path("data").path("orderId").asText()).collect(Collectors.toList());
    }
}
