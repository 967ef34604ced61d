package shop.inventory.adapter.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import shop.platform.json.Json;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;

class PowertoolsShortageMetricsTest {

    @Test
    void a_shortage_is_one_embedded_metric_line_that_cloudwatch_counts() throws Exception {
        OrderId orderId = new OrderId(UUID.randomUUID().toString());
        PowertoolsShortageMetrics metrics = new PowertoolsShortageMetrics(MetricsBuilder.builder()
                .withNamespace("shop").withService("inventory-service").build());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            metrics.shortage(orderId, List.of(new Sku("SKU-5")));
        } finally {
            System.setOut(stdout);
        }

        JsonNode line = Json.MAPPER.readTree(captured.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("\"_aws\"")).findFirst().orElseThrow());
        JsonNode definition = line.at("/_aws/CloudWatchMetrics/0");
        assertEquals("shop", definition.path("Namespace").asText());
        assertEquals(PowertoolsShortageMetrics.METRIC, definition.at("/Metrics/0/Name").asText());
        assertEquals(1, line.path(PowertoolsShortageMetrics.METRIC).asInt());
        assertEquals(orderId.value(), line.path("orderId").asText());
        assertEquals("SKU-5", line.path("shortSkus").path(0).asText());
    }
}
