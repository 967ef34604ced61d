package shop.packaging.application;

import java.util.List;
import java.util.Objects;
import shop.packaging.domain.OrderId;
import shop.packaging.domain.ParcelLine;
import shop.packaging.domain.Recipient;
import shop.packaging.domain.ShippingAddress;

/** The command CreateParcel takes: what the package context reads of an OrderConfirmed (stock is held for every line). */
public record OrderConfirmed(String eventId, OrderId orderId, List<ParcelLine> lines, ShippingAddress shippingAddress,
                             Recipient recipient) {

    public OrderConfirmed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(recipient, "recipient");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
    }
}
