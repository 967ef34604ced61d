package shop.order.handler;

import java.time.Clock;
import shop.order.adapter.dynamodb.DynamoDbIdempotencyKeys;
import shop.order.adapter.dynamodb.DynamoDbOrders;
import shop.order.adapter.dynamodb.DynamoDbPriceList;
import shop.order.adapter.eventbridge.OrderMessages;
import shop.order.adapter.outbox.OutboxOrderEvents;
import shop.order.application.CancelOrder;
import shop.order.application.ConfirmOrder;
import shop.order.application.GetOrder;
import shop.order.application.PlaceOrder;
import shop.order.application.RejectOrder;
import shop.order.application.ShipOrder;
import shop.platform.aws.AwsClients;
import shop.platform.aws.Environment;
import shop.platform.outbox.Outbox;
import shop.platform.outbox.OutboxRelay;
import shop.platform.outbox.PublishSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Builds the order context's objects with plain constructors, once per function instance, at init: the no-arg
 * factories use the {@link Clients} built from the environment, the others take what a test hands them.
 */
public final class Wiring {

    /** What the functions read from their environment (template.yaml sets every variable). */
    public record Config(String ordersTable, String priceListTable, PublishSettings publishing, OrderMessages messages) {

        /** {@code ORDER_PLACED_VERSIONS} (e.g. {@code 1.1,2.0}): set where orders are placed, blank elsewhere. */
        public static Config fromEnvironment() {
            return new Config(Environment.required("ORDERS_TABLE"), Environment.optional("PRICE_LIST_TABLE", ""),
                    PublishSettings.fromEnvironment(), OrderMessages.placing(Environment.optional("ORDER_PLACED_VERSIONS", "")));
        }
    }

    /** The SDK clients and configuration of this function instance, built once, on first use (Lambda's init phase). */
    static final class Clients {
        static final Config CONFIG = Config.fromEnvironment();
        static final DynamoDbClient DYNAMO = AwsClients.build(DynamoDbClient.builder());
        static final EventBridgeClient EVENTS = AwsClients.build(EventBridgeClient.builder());

        private Clients() {
        }
    }

    private Wiring() {
    }

    /** SnapStart priming of the clients: a read of an order key no item has, and a PutEvents the service refuses. */
    static void primeClients() {
        AwsClients.primeTable(Clients.DYNAMO, Clients.CONFIG.ordersTable(), "pk");
        AwsClients.primeBus(Clients.EVENTS);
    }

    static PlaceOrder placeOrder(Config config, DynamoDbClient dynamo, EventBridgeClient events, Clock clock) {
        if (config.messages().placedVersions().isEmpty()) {
            throw new IllegalStateException("ORDER_PLACED_VERSIONS names no OrderPlaced version: a placed order would owe no event");
        }
        return new PlaceOrder(orders(config, dynamo), new DynamoDbPriceList(dynamo, config.priceListTable()),
                new DynamoDbIdempotencyKeys(dynamo, config.ordersTable(), config.messages()), orderEvents(config, dynamo, events), clock);
    }

    static GetOrder getOrder(Config config, DynamoDbClient dynamo) {
        return new GetOrder(orders(config, dynamo));
    }

    static CancelOrder cancelOrder(Config config, DynamoDbClient dynamo, EventBridgeClient events, Clock clock) {
        return new CancelOrder(orders(config, dynamo), orderEvents(config, dynamo, events), clock);
    }

    static ConfirmOrder confirmOrder() {
        return confirmOrder(Clients.CONFIG, Clients.DYNAMO, Clients.EVENTS, Clock.systemUTC());
    }

    static ConfirmOrder confirmOrder(Config config, DynamoDbClient dynamo, EventBridgeClient events, Clock clock) {
        return new ConfirmOrder(orders(config, dynamo), orderEvents(config, dynamo, events), clock);
    }

    static RejectOrder rejectOrder() {
        return rejectOrder(Clients.CONFIG, Clients.DYNAMO, Clients.EVENTS, Clock.systemUTC());
    }

    static RejectOrder rejectOrder(Config config, DynamoDbClient dynamo, EventBridgeClient events, Clock clock) {
        return new RejectOrder(orders(config, dynamo), orderEvents(config, dynamo, events), clock);
    }

    static ShipOrder shipOrder() {
        return shipOrder(Clients.CONFIG, Clients.DYNAMO);
    }

    static ShipOrder shipOrder(Config config, DynamoDbClient dynamo) {
        return new ShipOrder(orders(config, dynamo));
    }

    /** The relay of the orders table (tests); in Lambda, platform's OutboxRelayHandler builds it from its environment. */
    static OutboxRelay outboxRelay(Config config, DynamoDbClient dynamo, EventBridgeClient events, Clock clock) {
        return config.publishing().relay(outbox(config, dynamo, events), clock);
    }

    private static DynamoDbOrders orders(Config config, DynamoDbClient dynamo) {
        return new DynamoDbOrders(dynamo, config.ordersTable(), config.messages());
    }

    private static OutboxOrderEvents orderEvents(Config config, DynamoDbClient dynamo, EventBridgeClient events) {
        return new OutboxOrderEvents(outbox(config, dynamo, events), config.messages());
    }

    private static Outbox outbox(Config config, DynamoDbClient dynamo, EventBridgeClient events) {
        return config.publishing().outbox(dynamo, events, config.ordersTable(), "pk");
    }
}
