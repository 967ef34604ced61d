package shop.inventory.adapter.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.inventory.application.ShortageMetrics;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import shop.platform.json.Json;

/**
 * The {@code StockShortage} metric as one CloudWatch Embedded Metric Format line on stdout: CloudWatch Logs turns
 * it into a count in {@code namespace}, dimension {@code service}, to alarm on. The order id and the short skus ride
 * along as properties, not dimensions, so they cost nothing in metric cardinality. EMF is a documented JSON shape,
 * so one object here does what a metrics library would, without its jars on the cold start.
 */
public final class EmfShortageMetrics implements ShortageMetrics {

    public static final String METRIC = "StockShortage";
    private static final Logger LOG = LoggerFactory.getLogger(EmfShortageMetrics.class);

    private final String namespace;
    private final String service;
    private final Clock clock;

    public EmfShortageMetrics(String namespace, String service, Clock clock) {
        this.namespace = namespace;
        this.service = service;
        this.clock = clock;
    }

    /** A metric that cannot be written is logged, not thrown: the order is already settled, and a retry would not count it. */
    @Override
    public void shortage(OrderId orderId, List<Sku> shortSkus) {
        try {
            ObjectNode line = Json.object();
            ObjectNode definition = line.putObject("_aws").put("Timestamp", clock.millis())
                    .putArray("CloudWatchMetrics").addObject().put("Namespace", namespace);
            definition.putArray("Dimensions").addArray().add("service");
            definition.putArray("Metrics").addObject().put("Name", METRIC).put("Unit", "Count");
            line.put("service", service).put(METRIC, 1).put("orderId", orderId.value());
            shortSkus.forEach(sku -> line.withArray("shortSkus").add(sku.value()));
            PrintStream out = System.out;
            out.print(Json.string(line) + "\n");
        } catch (Exception e) {
            LOG.warn("could not write the {} metric for order {}", METRIC, orderId, e);
        }
    }
}
