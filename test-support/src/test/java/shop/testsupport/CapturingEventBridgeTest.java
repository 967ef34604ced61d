package shop.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.localparts.LocalAwsClients;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;

/** The bus as an extension, and the two kinds of client: each call once, or with the SDK's retries when asked. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CapturingEventBridgeTest {

    @RegisterExtension
    static final CapturingEventBridge bus = new CapturingEventBridge();

    @Test
    @Order(1)
    void its_client_makes_a_failing_call_once_so_the_failure_reaches_the_caller() {
        bus.failNextCalls(5);

        assertThrows(EventBridgeException.class, () -> put(bus.client()));

        assertEquals(1, bus.calls(), "no SDK retry");
        assertEquals(0, bus.events().size());
    }

    @Test
    @Order(2)
    void each_test_starts_with_an_empty_bus_that_fails_nothing() {
        // the previous test left 4 failures to come and 1 call counted
        assertEquals(0, bus.calls());

        put(bus.client());

        assertEquals(1, bus.events().size());
        assertEquals("shop.test", bus.events().get(0).source());
    }

    @Test
    @Order(3)
    void a_client_that_asks_for_the_sdk_retries_gets_past_a_failed_call() {
        bus.failNextCalls(1);

        try (EventBridgeClient retrying = LocalAwsClients.retrying(EventBridgeClient.builder(), bus.endpoint())) {
            put(retrying);
        }

        assertEquals(2, bus.calls(), "the failed call and its retry");
        assertEquals(1, bus.events().size());
    }

    private static void put(EventBridgeClient client) {
        client.putEvents(r -> r.entries(PutEventsRequestEntry.builder().eventBusName("shop-test-bus").source("shop.test")
                .detailType("Tested").detail("{\"n\":1}").build()));
    }
}
