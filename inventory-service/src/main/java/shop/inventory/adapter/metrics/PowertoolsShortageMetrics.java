package shop.inventory.adapter.metrics;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.inventory.application.ShortageMetrics;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The {@code StockShortage} metric as one CloudWatch Embedded Metric Format line on stdout (Powertools v2, no
 * AspectJ): CloudWatch turns it into a metric to alarm on; the order id and short skus ride along as properties,
 * not dimensions, so they cost nothing in metric cardinality.
 */
public final class PowertoolsShortageMetrics implements ShortageMetrics {

    public static final String METRIC = "StockShortage";
    private static final Logger LOG = LoggerFactory.getLogger(PowertoolsShortageMetrics.class);

    private final Metrics metrics;

    public PowertoolsShortageMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    /** A metric that cannot be written is logged, not thrown: the order is already settled, and a retry would not count it. */
    @Override
    public void shortage(OrderId orderId, List<Sku> shortSkus) {
        try {
            metrics.flushMetrics(single -> {
                single.addMetric(METRIC, 1, MetricUnit.COUNT);
                single.addMetadata("orderId", orderId.value());
                single.addMetadata("shortSkus", shortSkus.stream().map(Sku::value).toList());
            });
        } catch (RuntimeException e) {
            LOG.warn("could not write the {} metric for order {}", METRIC, orderId, e);
        }
    }
}
