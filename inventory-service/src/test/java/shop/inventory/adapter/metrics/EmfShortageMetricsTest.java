package shop.inventory.adapter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import shop.platform.json.Json;
import shop.testsupport.CapturedStdout;

class EmfShortageMetricsTest {

    @Test
    void a_shortage_is_one_embedded_metric_line_that_cloudwatch_counts() throws Exception {
        OrderId orderId = new OrderId(UUID.randomUUID().toString());
        Instant now = Instant.parse("2026-11-27T08:00:00Z");
        EmfShortageMetrics metrics = new EmfShortageMetrics("shop", "inventory-service", Clock.fixed(now, ZoneOffset.UTC));
        List<String> lines;
        try (CapturedStdout stdout = CapturedStdout.attach()) {
            metrics.shortage(orderId, List.of(new Sku("SKU-5"), new Sku("SKU-7")));
            lines = stdout.lines();
        }

        assertEquals(1, lines.size(), "one line: " + lines);
        JsonNode line = Json.read(lines.get(0));
        assertEquals(now.toEpochMilli(), line.at("/_aws/Timestamp").asLong());
        JsonNode definition = line.at("/_aws/CloudWatchMetrics/0");
        assertEquals("shop", definition.path("Namespace").asText());
        assertEquals("service", definition.at("/Dimensions/0/0").asText());
        assertEquals(EmfShortageMetrics.METRIC, definition.at("/Metrics/0/Name").asText());
        assertEquals("Count", definition.at("/Metrics/0/Unit").asText());
        assertEquals("inventory-service", line.path("service").asText(), "every dimension has a value on the line");
        assertEquals(1, line.path(EmfShortageMetrics.METRIC).asInt());
        assertEquals(orderId.value(), line.path("orderId").asText());
        assertEquals(List.of("SKU-5", "SKU-7"), List.of(line.at("/shortSkus/0").asText(), line.at("/shortSkus/1").asText()));
    }
}
