package shop.crm.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import shop.crm.domain.CancellationInsight;
import shop.crm.domain.Timeline;
import shop.platform.json.Json;

/** The JSON shape of insight and timelines, as the insight function answers them. */
final class InsightJson {

    /** Said in every answer, so a reader of the numbers need not guess what "converting" means. */
    static final String DEFINITIONS = "An order converts when it is confirmed (stock reserved for every line). "
            + "cancellationRate = ordersCancelledAfterConverting / ordersConverted; the times to cancel (from placing) "
            + "and the reasons are of those orders only. ordersCancelled counts every cancel, converted or not. "
            + "stockRejectionRate = ordersRejectedForStock / ordersPlaced. medianSecondsToShip is the p50 of placing to "
            + "shipping over the ordersShipped (converted orders whose parcel left, cancelled meanwhile or not).";

    private InsightJson() {
    }

    static ObjectNode insight(CancellationInsight insight) {
        ObjectNode node = Json.object();
        node.put("definitions", DEFINITIONS);
        node.put("ordersPlaced", insight.ordersPlaced());
        node.put("ordersConverted", insight.ordersConverted());
        node.put("ordersRejectedForStock", insight.ordersRejectedForStock());
        rate(node, "stockRejectionRate", insight.stockRejectionRate());
        node.put("ordersCancelled", insight.ordersCancelled());
        node.put("ordersCancelledAfterConverting", insight.ordersCancelledAfterConverting());
        rate(node, "cancellationRate", insight.cancellationRate());
        seconds(node, "averageSecondsToCancel", insight.averageTimeToCancel());
        seconds(node, "medianSecondsToCancel", insight.medianTimeToCancel());
        ObjectNode reasons = node.putObject("cancellationsByReason");
        insight.cancellationsByReason().forEach(reasons::put);
        node.put("ordersShipped", insight.ordersShipped());
        seconds(node, "medianSecondsToShip", insight.medianTimeToShip());
        return node;
    }

    static ArrayNode timeline(Timeline timeline) {
        ArrayNode entries = Json.array();
        timeline.entries().forEach(entry -> {
            ObjectNode node = entries.addObject();
            node.put("at", entry.at().toString());
            node.put("type", entry.type().name());
            node.put("orderId", entry.orderId().value());
            entry.reason().ifPresent(reason -> node.put("reason", reason));
            entry.units().ifPresent(units -> node.put("units", units));
        });
        return entries;
    }

    private static void rate(ObjectNode node, String field, Optional<BigDecimal> rate) {
        rate.ifPresentOrElse(r -> node.put(field, r), () -> node.putNull(field));
    }

    private static void seconds(ObjectNode node, String field, Optional<Duration> duration) {
        duration.ifPresentOrElse(d -> node.put(field, d.toSeconds()), () -> node.putNull(field));
    }
}
