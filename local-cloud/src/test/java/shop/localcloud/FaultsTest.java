package shop.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.common.Faults;
import shop.localcloud.common.Flow;
import shop.localcloud.eventbridge.Archive;
import shop.localcloud.eventbridge.EventBus;

/** Injected faults behave like the failures AWS can return, so producers and consumers can be tested against them. */
class FaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUEST = "{\"Entries\":[{\"Source\":\"test.app\",\"DetailType\":\"Greeting\",\"Detail\":\"{}\"},"
            + "{\"Source\":\"test.app\",\"DetailType\":\"Greeting\",\"Detail\":\"{}\"}]}";

    @TempDir
    Path dir;

    private EventBus bus(Faults faults) {
        return new EventBus(List.of(), List.of(), new Archive(dir.resolve("archive.jsonl")), null, Flow.quiet(), faults);
    }

    @Test
    void an_injected_call_failure_is_an_http_500_internal_exception() throws Exception {
        EventBus.ApiException failure = assertThrows(EventBus.ApiException.class,
                () -> bus(new Faults(1, 0, 0)).putEvents(JSON.readTree(REQUEST)));

        assertEquals(500, failure.status);
        assertEquals("InternalException", failure.type);
    }

    @Test
    void injected_entry_failures_are_reported_in_a_successful_response_with_failed_entry_count() throws Exception {
        JsonNode response = bus(new Faults(0, 1, 0)).putEvents(JSON.readTree(REQUEST));

        assertEquals(2, response.path("FailedEntryCount").asInt());
        assertEquals("InternalFailure", response.path("Entries").path(0).path("ErrorCode").asText());
    }

    @Test
    void injected_delivery_failures_are_retried_then_dead_lettered_like_a_function_error() throws Exception {
        try (TestSystem system = new TestSystem(dir, new Faults(0, 0, 1))) {
            JsonNode response = system.cloud.putEvents(JSON.readTree(
                    "{\"Entries\":[{\"Source\":\"test.app\",\"DetailType\":\"Doomed\",\"Detail\":\"{}\",\"EventBusName\":\"shop-test-bus\"}]}"));
            system.settle();

            String id = Flow.shortId(response.path("Entries").path(0).path("EventId").asText());
            assertEquals(3, system.flowLinesContaining("FAILED", "FailingFunction <- Doomed " + id, "InjectedFault"));
            assertEquals(1, system.flowLinesContaining("DLQ", "FailingDeadLetterQueue <- Doomed " + id));
        }
    }

    @Test
    void a_delivery_delay_hands_events_to_their_target_in_no_guaranteed_order_and_loses_none() throws Exception {
        try (TestSystem system = new TestSystem(dir, Faults.disorder(400))) {
            StringBuilder entries = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                entries.append(i == 0 ? "" : ",").append("{\"Source\":\"test.app\",\"DetailType\":\"Greeting\",\"Detail\":\"{}\",")
                        .append("\"EventBusName\":\"shop-test-bus\"}");
            }
            JsonNode response = system.cloud.putEvents(JSON.readTree("{\"Entries\":[" + entries + "]}"));
            system.settle();

            java.util.List<String> put = new java.util.ArrayList<>();
            response.path("Entries").forEach(e -> put.add(Flow.shortId(e.path("EventId").asText())));
            java.util.List<String> delivered = system.flowLines().stream().filter(l -> l.contains("DELIVER") && l.contains("HelloFunction <- Greeting"))
                    .map(l -> l.substring(l.indexOf("<- Greeting ") + "<- Greeting ".length()).split(" ")[0]).toList();
            assertEquals(new java.util.TreeSet<>(put), new java.util.TreeSet<>(delivered), "every event delivered once");
            assertEquals(10, delivered.size());
            org.junit.jupiter.api.Assertions.assertNotEquals(put, delivered, "10 events delivered in the order put: 1 chance in 3.6 million");
        }
    }

    @Test
    void faults_switched_on_while_running_fail_put_events_and_switched_off_let_it_succeed_again() throws Exception {
        try (TestSystem system = new TestSystem(dir)) {
            String request = "{\"Entries\":[{\"Source\":\"test.app\",\"DetailType\":\"Greeting\",\"Detail\":\"{}\",\"EventBusName\":\"shop-test-bus\"}]}";

            system.cloud.injectFaults(new Faults(1, 0, 0));
            EventBus.ApiException failure = assertThrows(EventBus.ApiException.class, () -> system.cloud.putEvents(JSON.readTree(request)));
            system.cloud.injectFaults(Faults.NONE);
            JsonNode response = system.cloud.putEvents(JSON.readTree(request));

            assertEquals(500, failure.status);
            assertEquals(0, response.path("FailedEntryCount").asInt());
        }
    }

    @Test
    void a_direct_asynchronous_invoke_that_fails_is_retried_then_sent_to_the_on_failure_destination() throws Exception {
        try (TestSystem system = new TestSystem(dir)) {
            system.cloud.invokeAsync("FailingFunction", (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                    "{\"version\":\"0\",\"id\":\"00000000-0000-0000-0000-00000000abcd\",\"detail-type\":\"Unknown\",\"source\":\"test.app\",\"detail\":{}}"));
            system.settle();

            assertEquals(3, system.flowLinesContaining("FAILED", "FailingFunction <- Unknown", "(direct)"));
            assertEquals(1, system.flowLinesContaining("DLQ", "FailingDeadLetterQueue <- Unknown"));
        }
    }

    @Test
    void put_events_faults_narrowed_to_one_source_hit_only_that_producer() throws Exception {
        Faults packagingDown = new Faults(1, 0, 0).onlyFrom("shop.packaging");
        String mixed = "{\"Entries\":[{\"Source\":\"test.app\",\"DetailType\":\"Greeting\",\"Detail\":\"{}\"},"
                + "{\"Source\":\"shop.packaging\",\"DetailType\":\"ParcelShipped\",\"Detail\":\"{}\"}]}";

        JsonNode untouched = bus(packagingDown).putEvents(JSON.readTree(REQUEST));
        EventBus.ApiException failure = assertThrows(EventBus.ApiException.class, () -> bus(packagingDown).putEvents(JSON.readTree(mixed)));
        JsonNode entryFailures = bus(new Faults(0, 1, 0).onlyFrom("shop.packaging")).putEvents(JSON.readTree(mixed));

        assertEquals(0, untouched.path("FailedEntryCount").asInt(), "test.app is not the producer that is down");
        assertEquals(500, failure.status);
        assertEquals(1, entryFailures.path("FailedEntryCount").asInt());
        assertEquals("", entryFailures.path("Entries").path(0).path("ErrorCode").asText(), "the test.app entry went through");
        assertEquals("InternalFailure", entryFailures.path("Entries").path(1).path("ErrorCode").asText());
    }

    @Test
    void a_hold_back_delays_one_detail_type_to_the_named_functions_so_a_later_event_overtakes_it() throws Exception {
        try (TestSystem system = new TestSystem(dir)) {
            String greeting = "{\"Entries\":[{\"Source\":\"test.app\",\"DetailType\":\"Greeting\",\"Detail\":\"{}\",\"EventBusName\":\"shop-test-bus\"}]}";

            system.cloud.injectFaults(Faults.NONE.holdingBack("Greeting", 3000, "HelloFunction"));
            String first = Flow.shortId(system.cloud.putEvents(JSON.readTree(greeting)).path("Entries").path(0).path("EventId").asText());
            system.cloud.injectFaults(Faults.NONE.holdingBack("Greeting", 3000, "SomeOtherFunction"));
            String second = Flow.shortId(system.cloud.putEvents(JSON.readTree(greeting)).path("Entries").path(0).path("EventId").asText());
            system.settle();

            List<String> delivered = system.flowLines().stream().filter(l -> l.contains("DELIVER") && l.contains("HelloFunction <- Greeting"))
                    .map(l -> l.substring(l.indexOf("<- Greeting ") + "<- Greeting ".length()).split(" ")[0]).toList();
            assertEquals(List.of(second, first), delivered, "the held-back greeting arrived after the one put later");
        }
    }
}
