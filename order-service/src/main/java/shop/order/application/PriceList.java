package shop.order.application;

import java.util.Map;
import java.util.Set;
import shop.order.domain.Money;
import shop.order.domain.Sku;

/** The server's own prices: the only source of what an order costs. */
public interface PriceList {

    /** The unit price of each sku that the list knows; unknown skus are absent from the result. */
    Map<Sku, Money> pricesOf(Set<Sku> skus);
}
