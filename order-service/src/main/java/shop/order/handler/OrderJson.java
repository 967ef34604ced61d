package shop.order.handler;

import java.util.LinkedHashMap;
import java.util.Map;
import shop.order.domain.Money;
import shop.order.domain.Order;
import shop.order.domain.ShippingAddress;

/** The order as the API shows it to its customer. */
final class OrderJson {

    private OrderJson() {
    }

    static Map<String, Object> of(Order order) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orderId", order.id().value());
        json.put("status", order.status().name());
        json.put("placedAt", order.placedAt().toString());
        json.put("lines", order.lines().stream().map(line -> Map.of(
                "sku", line.sku().value(),
                "quantity", line.quantity(),
                "unitPrice", money(line.unitPrice()),
                "lineTotal", money(line.lineTotal()))).toList());
        json.put("total", money(order.total()));
        ShippingAddress address = order.shippingAddress();
        Map<String, String> addressJson = new LinkedHashMap<>();
        addressJson.put("name", address.name());
        addressJson.put("line1", address.line1());
        if (address.line2() != null) {
            addressJson.put("line2", address.line2());
        }
        addressJson.put("city", address.city());
        addressJson.put("postalCode", address.postalCode());
        addressJson.put("country", address.country());
        json.put("shippingAddress", addressJson);
        json.put("contactEmail", order.contactEmail().value());
        order.cancellation().ifPresent(cancellation -> {
            json.put("cancelledAt", cancellation.cancelledAt().toString());
            json.put("cancellationReason", cancellation.reason().name());
        });
        return json;
    }

    private static Map<String, String> money(Money money) {
        return Map.of("amount", money.amountText(), "currency", money.currency());
    }
}
