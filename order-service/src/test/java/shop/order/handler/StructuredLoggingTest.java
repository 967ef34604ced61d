package shop.order.handler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.platform.json.Json;
import shop.testsupport.CapturedStdout;

class StructuredLoggingTest {

    @RegisterExtension
    static final OrderServiceFixture fixture = new OrderServiceFixture();

    @Test
    void log_lines_are_json_with_the_correlation_id_and_never_an_email_or_address() throws IOException {
        List<String> lines;
        try (CapturedStdout logs = CapturedStdout.attach()) {
            fixture.bus.failNextCalls(3); // warnings from the publisher too
            String orderId = fixture.call("place-order.json", event -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                    event.path("headers")).put("x-correlation-id", "corr-logging-test")).body().path("orderId").asText();
            fixture.call("cancel-order.json", orderId);
            fixture.call("place-order-invalid-fields.json");
            fixture.runRelay();
            lines = logs.lines();
        }

        assertTrue(lines.size() >= 4, "place, cancel, refusal and relay each log: " + lines);
        boolean sawCorrelation = false;
        for (String line : lines) {
            JsonNode json = Json.read(line);
            assertTrue(json.path("message").isTextual(), line);
            assertTrue(json.path("level").isTextual(), line);
            sawCorrelation |= "corr-logging-test".equals(json.path("correlation_id").asText());
            for (String personal : List.of("alice@example.com", "Alice Example", "1 Example Street", "10115", "Berlin")) {
                assertFalse(line.contains(personal), "personal data in a log line: " + line);
            }
        }
        assertTrue(sawCorrelation, "the caller's correlation id is on the lines of its request: " + lines);
    }
}
