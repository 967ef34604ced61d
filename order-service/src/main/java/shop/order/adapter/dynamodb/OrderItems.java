package shop.order.adapter.dynamodb;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shop.order.domain.CancellationReason;
import shop.order.domain.CustomerId;
import shop.order.domain.EmailAddress;
import shop.order.domain.Money;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.order.domain.OrderLine;
import shop.order.domain.OrderStatus;
import shop.order.domain.RejectionReason;
import shop.order.domain.ShippingAddress;
import shop.order.domain.Sku;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps an order to its DynamoDB item and back: native attributes, so the table stays readable in the console. */
final class OrderItems {

    static final String PK = "pk";

    private OrderItems() {
    }

    static Map<String, AttributeValue> key(OrderId id) {
        return Map.of(PK, s("ORDER#" + id.value()));
    }

    static Map<String, AttributeValue> toItem(Order order) {
        Map<String, AttributeValue> item = new HashMap<>(key(order.id()));
        item.put("orderId", s(order.id().value()));
        item.put("customerId", s(order.customerId().value()));
        item.put("status", s(order.status().name()));
        item.put("placedAt", s(order.placedAt().toString()));
        item.put("currency", s(order.total().currency()));
        item.put("lines", AttributeValue.fromL(order.lines().stream().map(line -> AttributeValue.fromM(Map.of(
                "sku", s(line.sku().value()),
                "quantity", AttributeValue.fromN(Integer.toString(line.quantity())),
                "unitPrice", s(line.unitPrice().amountText())))).toList()));
        ShippingAddress address = order.shippingAddress();
        Map<String, AttributeValue> addressItem = new HashMap<>(Map.of("name", s(address.name()), "line1", s(address.line1()),
                "city", s(address.city()), "postalCode", s(address.postalCode()), "country", s(address.country())));
        if (address.line2() != null) {
            addressItem.put("line2", s(address.line2()));
        }
        item.put("shippingAddress", AttributeValue.fromM(addressItem));
        item.put("contactEmail", s(order.contactEmail().value()));
        item.putAll(fieldsSetBy(order));
        return item;
    }

    /** The attributes besides status that an order's changes set: its confirmation, rejection, cancellation, shipment. */
    static Map<String, AttributeValue> fieldsSetBy(Order order) {
        Map<String, AttributeValue> fields = new HashMap<>();
        order.confirmedAt().ifPresent(at -> fields.put("confirmedAt", s(at.toString())));
        order.rejection().ifPresent(rejection -> {
            fields.put("rejectedAt", s(rejection.rejectedAt().toString()));
            fields.put("rejectionReason", s(rejection.reason().name()));
            fields.put("shortSkus", AttributeValue.fromL(rejection.shortSkus().stream().map(sku -> s(sku.value())).toList()));
        });
        order.cancellation().ifPresent(cancellation -> {
            fields.put("cancelledAt", s(cancellation.cancelledAt().toString()));
            fields.put("cancellationReason", s(cancellation.reason().name()));
        });
        order.shipment().ifPresent(how -> {
            fields.put("shippedAt", s(how.shippedAt().toString()));
            fields.put("carrier", s(how.carrier()));
            fields.put("trackingNumber", s(how.trackingNumber()));
        });
        return fields;
    }

    /** When the order's last change happened: the time its owed event carries. */
    static Instant changedAt(Order order) {
        return order.cancellation().map(Order.Cancellation::cancelledAt)
                .or(() -> order.rejection().map(Order.Rejection::rejectedAt))
                .or(order::confirmedAt)
                .orElse(order.placedAt());
    }

    static Order fromItem(Map<String, AttributeValue> item) {
        String currency = item.get("currency").s();
        List<OrderLine> lines = item.get("lines").l().stream().map(AttributeValue::m).map(line -> new OrderLine(
                new Sku(line.get("sku").s()), Integer.parseInt(line.get("quantity").n()),
                new Money(new BigDecimal(line.get("unitPrice").s()), currency))).toList();
        Map<String, AttributeValue> address = item.get("shippingAddress").m();
        Optional<Order.Cancellation> cancellation = item.containsKey("cancelledAt")
                ? Optional.of(new Order.Cancellation(CancellationReason.valueOf(item.get("cancellationReason").s()),
                Instant.parse(item.get("cancelledAt").s())))
                : Optional.empty();
        Optional<Instant> confirmedAt = Optional.ofNullable(item.get("confirmedAt")).map(at -> Instant.parse(at.s()));
        Optional<Order.Rejection> rejection = item.containsKey("rejectedAt")
                ? Optional.of(new Order.Rejection(RejectionReason.valueOf(item.get("rejectionReason").s()),
                item.get("shortSkus").l().stream().map(sku -> new Sku(sku.s())).toList(), Instant.parse(item.get("rejectedAt").s())))
                : Optional.empty();
        Optional<Order.Shipment> shipment = item.containsKey("shippedAt")
                ? Optional.of(new Order.Shipment(item.get("carrier").s(), item.get("trackingNumber").s(),
                Instant.parse(item.get("shippedAt").s())))
                : Optional.empty();
        return new Order(new OrderId(item.get("orderId").s()), new CustomerId(item.get("customerId").s()),
                OrderStatus.valueOf(item.get("status").s()), lines,
                new ShippingAddress(address.get("name").s(), address.get("line1").s(),
                        address.containsKey("line2") ? address.get("line2").s() : null, address.get("city").s(),
                        address.get("postalCode").s(), address.get("country").s()),
                new EmailAddress(item.get("contactEmail").s()), Instant.parse(item.get("placedAt").s()),
                confirmedAt, rejection, cancellation, shipment);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
