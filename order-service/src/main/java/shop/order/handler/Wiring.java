package shop.order.handler;

import java.time.Clock;
import java.time.Duration;
import shop.order.adapter.dynamodb.DynamoDbIdempotencyKeys;
import shop.order.adapter.dynamodb.DynamoDbOrders;
import shop.order.adapter.dynamodb.DynamoDbPriceList;
import shop.order.adapter.eventbridge.EventBridgeOrderEvents;
import shop.order.application.CancelOrder;
import shop.order.application.GetOrder;
import shop.order.application.PlaceOrder;
import shop.order.application.RelayOutbox;
import shop.platform.aws.AwsClients;
import shop.platform.aws.Environment;
import shop.platform.events.EventBridgePublisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Builds the order context's objects with plain constructors, once per function instance, at init. */
public final class Wiring {

    /** What the functions read from their environment (template.yaml sets every variable). */
    public record Config(String ordersTable, String priceListTable, String busName, int publishAttempts,
                         Duration firstBackoff, Duration relayGrace) {

        public static Config fromEnvironment() {
            return new Config(Environment.required("ORDERS_TABLE"), Environment.required("PRICE_LIST_TABLE"),
                    Environment.required("EVENT_BUS_NAME"),
                    Integer.parseInt(Environment.optional("PUBLISH_ATTEMPTS", "3")),
                    Duration.ofMillis(Long.parseLong(Environment.optional("PUBLISH_FIRST_BACKOFF_MS", "50"))),
                    Duration.ofSeconds(Long.parseLong(Environment.optional("OUTBOX_RELAY_GRACE_SECONDS", "60"))));
        }
    }

    private Wiring() {
    }

    static DynamoDbClient dynamo() {
        return AwsClients.build(DynamoDbClient.builder());
    }

    static EventBridgeClient eventBridge() {
        return AwsClients.build(EventBridgeClient.builder());
    }

    static PlaceOrder placeOrder(Config config, DynamoDbClient dynamo, EventBridgeClient events, Clock clock) {
        return new PlaceOrder(orders(config, dynamo), new DynamoDbPriceList(dynamo, config.priceListTable()),
                new DynamoDbIdempotencyKeys(dynamo, config.ordersTable()), orderEvents(config, events), clock);
    }

    static GetOrder getOrder(Config config, DynamoDbClient dynamo) {
        return new GetOrder(orders(config, dynamo));
    }

    static CancelOrder cancelOrder(Config config, DynamoDbClient dynamo, EventBridgeClient events, Clock clock) {
        return new CancelOrder(orders(config, dynamo), orderEvents(config, events), clock);
    }

    static RelayOutbox relayOutbox(Config config, DynamoDbClient dynamo, EventBridgeClient events, Clock clock) {
        return new RelayOutbox(orders(config, dynamo), orderEvents(config, events), clock, config.relayGrace());
    }

    private static DynamoDbOrders orders(Config config, DynamoDbClient dynamo) {
        return new DynamoDbOrders(dynamo, config.ordersTable());
    }

    private static EventBridgeOrderEvents orderEvents(Config config, EventBridgeClient events) {
        return new EventBridgeOrderEvents(new EventBridgePublisher(events, config.busName(), config.publishAttempts(),
                config.firstBackoff()));
    }
}
