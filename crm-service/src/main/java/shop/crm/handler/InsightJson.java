package shop.crm.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import shop.crm.domain.CancellationInsight;
import shop.crm.domain.Timeline;
import shop.platform.json.Json;

/** The JSON shape of insight and timelines, as the insight function answers them. */
final class InsightJson {

    private InsightJson() {
    }

    static ObjectNode insight(CancellationInsight insight) {
        ObjectNode node = Json.object();
        node.put("ordersPlaced", insight.ordersPlaced());
        node.put("ordersCancelled", insight.ordersCancelled());
        insight.cancellationRate().ifPresentOrElse(rate -> node.put("cancellationRate", rate), () -> node.putNull("cancellationRate"));
        seconds(node, "averageSecondsToCancel", insight.averageTimeToCancel());
        seconds(node, "medianSecondsToCancel", insight.medianTimeToCancel());
        ObjectNode reasons = node.putObject("cancellationsByReason");
        insight.cancellationsByReason().forEach(reasons::put);
        return node;
    }

    static ArrayNode timeline(Timeline timeline) {
        ArrayNode entries = Json.array();
        timeline.entries().forEach(entry -> {
            ObjectNode node = entries.addObject();
            node.put("at", entry.at().toString());
            node.put("type", entry.type().name());
            node.put("orderId", entry.orderId().value());
            entry.reason().ifPresent(reason -> node.put("reason", reason.code()));
        });
        return entries;
    }

    private static void seconds(ObjectNode node, String field, Optional<Duration> duration) {
        duration.ifPresentOrElse(d -> node.put(field, d.toSeconds()), () -> node.putNull(field));
    }
}
