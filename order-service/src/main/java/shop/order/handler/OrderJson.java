package shop.order.handler;

import java.util.LinkedHashMap;
import java.util.Map;
import shop.order.domain.Money;
import shop.order.domain.Order;
import shop.order.domain.ShippingAddress;
import shop.order.domain.Sku;

/**
 * The order as the API shows it to its customer: its status, when rejected why (reason and short skus), and once
 * its parcel left, the shipment and whether a return is expected (cancelled while it shipped).
 */
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
        order.confirmedAt().ifPresent(at -> json.put("confirmedAt", at.toString()));
        order.rejection().ifPresent(rejection -> {
            Map<String, Object> why = new LinkedHashMap<>();
            why.put("reason", rejection.reason().name());
            why.put("shortSkus", rejection.shortSkus().stream().map(Sku::value).toList());
            why.put("rejectedAt", rejection.rejectedAt().toString());
            json.put("rejection", why);
        });
        order.cancellation().ifPresent(cancellation -> {
            json.put("cancelledAt", cancellation.cancelledAt().toString());
            json.put("cancellationReason", cancellation.reason().name());
        });
        order.shipment().ifPresent(how -> {
            Map<String, String> shipment = new LinkedHashMap<>();
            shipment.put("carrier", how.carrier());
            shipment.put("trackingNumber", how.trackingNumber());
            shipment.put("shippedAt", how.shippedAt().toString());
            json.put("shipment", shipment);
            json.put("returnExpected", order.returnExpected());
        });
        return json;
    }

    private static Map<String, String> money(Money money) {
        return Map.of("amount", money.amountText(), "currency", money.currency());
    }
}
