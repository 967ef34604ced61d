package shop.order.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import shop.platform.outbox.OutboxRelayHandler;
import shop.platform.outbox.PublishSettings;
import shop.localparts.TemplateTables;
import shop.localparts.TransactionalDynalite;
import shop.order.adapter.dynamodb.DynamoDbOrders;
import shop.order.adapter.eventbridge.OrderMessages;
import shop.order.application.OwedEvent;
import shop.order.domain.CustomerId;
import shop.order.domain.EmailAddress;
import shop.order.domain.Money;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.order.domain.OrderLine;
import shop.order.domain.ShippingAddress;
import shop.order.domain.Sku;
import shop.platform.json.Json;
import shop.testsupport.CapturingEventBridge;
import shop.testsupport.LambdaTestContext;
import shop.testsupport.SampleEvents;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The order functions wired to real local parts: dynalite with the template's tables, a seeded price list, and
 * a capturing EventBridge endpoint the test can make fail. A JUnit extension on a static field
 * ({@code @RegisterExtension static final OrderServiceFixture fixture = new OrderServiceFixture();}): the parts run
 * from before the class's first test to after its last, and every test starts on fresh tables and an empty bus
 * ({@link #reset}, which a test may call again with a relay grace of its own).
 */
final class OrderServiceFixture implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    TransactionalDynalite dynalite;
    CapturingEventBridge bus;
    DynamoDbClient dynamo;
    /** The bus's client: each call made once, as the SDK's own retries would hide the failures the tests inject. */
    EventBridgeClient events;
    /** What template.yaml's OrderApiFunction publishes for a placed order: the migration window's pair. */
    static final String PLACED_VERSIONS = "1.1,2.0";

    Wiring.Config config;
    OrderApiHandler api;
    OutboxRelayHandler relay;
    BusEventHandler consumer;

    @Override
    public void beforeAll(ExtensionContext context) {
        dynalite = TransactionalDynalite.start();
        bus = CapturingEventBridge.start();
        dynamo = TemplateTables.localClient(dynalite.endpoint());
        events = bus.client();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset(Duration.ZERO);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (dynamo != null) {
                dynamo.close();
            }
            if (bus != null) {
                bus.close(); // and its client
            }
        } finally {
            if (dynalite != null) { // null when it failed to start: JUnit calls afterAll all the same
                dynalite.close();
            }
        }
    }

    /** New tables (so tests do not see each other's orders), a seeded price list, an empty bus. */
    void reset(Duration relayGrace) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        config = new Wiring.Config("orders-" + suffix, "prices-" + suffix,
                new PublishSettings("shop-test-bus", 3, Duration.ofMillis(1), relayGrace), OrderMessages.placing(PLACED_VERSIONS));
        TemplateTables tables = TemplateTables.ofProject();
        tables.create(dynamo, "OrdersTable", config.ordersTable());
        tables.create(dynamo, "PriceListTable", config.priceListTable());
        try {
            new SeedPriceListHandler(dynamo, config.priceListTable()).seed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        handlersOn(dynamo);
        bus.clear();
        bus.failNextCalls(0);
        bus.rejectNextEntries(0);
    }

    /** Builds the functions on {@code client} (a call-counting one for a budget test); the tables stay as they are. */
    void handlersOn(DynamoDbClient client) {
        api = new OrderApiHandler(config, client, events, Clock.systemUTC());
        relay = new OutboxRelayHandler(Wiring.outboxRelay(config, client, events, Clock.systemUTC()));
        consumer = new BusEventHandler(Wiring.confirmOrder(config, client, events, Clock.systemUTC()),
                Wiring.rejectOrder(config, client, events, Clock.systemUTC()), Wiring.shipOrder(config, client));
    }

    /** Invokes the API with a sample event from events/order-service/, adjusted by the test if needed. */
    Response call(String sample, Consumer<ObjectNode> adjust) {
        ObjectNode event = (ObjectNode) SampleEvents.json("order-service/" + sample);
        adjust.accept(event);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            api.handleRequest(new ByteArrayInputStream(Json.bytes(event)), out,
                    new LambdaTestContext("order-api"));
            return new Response(Json.read(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response call(String sample) {
        return call(sample, event -> { });
    }

    /** Same sample, aimed at another order id (GET and cancel samples carry a fixed one). */
    Response call(String sample, String orderId) {
        return call(sample, event -> {
            ((ObjectNode) event.path("pathParameters")).put("orderId", orderId);
            event.put("rawPath", event.path("rawPath").asText().replaceAll("[0-9a-f-]{36}", orderId));
        });
    }

    /** Delivers a sample event from events/order-service/ to the order consumer, as the rule would; returns its output. */
    JsonNode deliver(String sample) {
        return deliver(SampleEvents.bytes("order-service/" + sample));
    }

    JsonNode deliver(byte[] event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            consumer.handleRequest(new ByteArrayInputStream(event), out, new LambdaTestContext("order-consumer"));
            return Json.read(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores a placed order under a sample's order id (a placed order gets a fresh id from the API, a sample event
     * carries a fixed one), publishes its OrderPlaced, then empties the bus, as if the customer had just placed it.
     */
    void placed(String orderId) {
        Order order = Order.place(new OrderId(orderId), new CustomerId("customer-alice"),
                List.of(new OrderLine(new Sku("SKU-1"), 2, Money.of("12.50", "EUR")), new OrderLine(new Sku("SKU-5"), 3, Money.of("0.75", "EUR"))),
                new ShippingAddress("Alice Example", "1 Example Street", null, "Berlin", "10115", "DE"),
                new EmailAddress("alice@example.com"), Instant.now());
        new DynamoDbOrders(dynamo, config.ordersTable(), config.messages()).add(order, OwedEvent.of(OwedEvent.Fact.PLACED, order, "corr-test"));
        runRelay();
        bus.clear();
    }

    JsonNode runRelay() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            relay.handleRequest(new ByteArrayInputStream(SampleEvents.bytes("order-service/outbox-relay-schedule.json")), out,
                    new LambdaTestContext("order-api"));
            return Json.read(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long storedItems() {
        return dynamo.scan(b -> b.tableName(config.ordersTable())).count();
    }

    /** An HTTP API response, its body parsed. */
    record Response(JsonNode raw) {
        int status() {
            return raw.path("statusCode").asInt();
        }

        String header(String name) {
            return raw.path("headers").path(name).asText(null);
        }

        JsonNode body() {
            try {
                return Json.read(raw.path("body").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
