package shop.inventory.adapter.metrics;

import java.util.List;
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

    private final Metrics metrics;

    public PowertoolsShortageMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void shortage(OrderId orderId, List<Sku> shortSkus) {
        metrics.flushMetrics(single -> {
            single.addMetric(METRIC, 1, MetricUnit.COUNT);
            single.addMetadata("orderId", orderId.value());
            single.addMetadata("shortSkus", shortSkus.stream().map(Sku::value).toList());
        });
    }
}
