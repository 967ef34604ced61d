package shop.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IncomingEventTest {

    private static final String VALID = """
            {"version":"0","id":"eb-1","detail-type":"OrderPlaced","source":"shop.orders","account":"123456789012",
             "time":"2026-11-27T10:00:00Z","region":"eu-west-1","resources":[],%s
             "detail":{"metadata":{"eventId":"e-1","eventType":"OrderPlaced","schemaVersion":"1.0",
               "occurredAt":"2026-11-27T10:00:00Z","correlationId":"c-1","producer":"order-service"},
               "data":{"orderId":"o-1"}}}
            """;

    @Test
    void reads_envelope_metadata_and_leaves_data_to_the_consumer() {
        IncomingEvent event = read(VALID.formatted(""));

        assertEquals("e-1", event.metadata().eventId());
        assertEquals("OrderPlaced", event.detailType());
        assertEquals("o-1", event.data().path("orderId").asText());
        assertEquals(1, event.schemaMajorVersion());
        assertTrue(event.replayName().isEmpty());
    }

    @Test
    void marks_events_that_come_from_an_archive_replay() {
        IncomingEvent event = read(VALID.formatted("\"replay-name\":\"replay-1\","));

        assertEquals("replay-1", event.replayName().orElseThrow());
    }

    @Test
    void rejects_what_is_not_an_event_with_the_reason() {
        assertEquals("event is not a JSON object", assertThrows(MalformedEventException.class, () -> read("[]")).getMessage());
        assertThrows(MalformedEventException.class, () -> read("{not json"));
        assertThrows(MalformedEventException.class, () -> read(VALID.formatted("").replace("\"eventId\":\"e-1\",", "")));
        assertThrows(MalformedEventException.class, () -> read(VALID.formatted("").replace("\"data\":{\"orderId\":\"o-1\"}", "\"data\":7")));
        assertThrows(MalformedEventException.class, () -> read(VALID.formatted("").replace("\"detail-type\":\"OrderPlaced\"", "\"detail-type\":\"OrderCancelled\"")));
    }

    private static IncomingEvent read(String json) {
        return IncomingEvent.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
