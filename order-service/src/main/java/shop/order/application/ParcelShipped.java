package shop.order.application;

import java.util.Objects;
import shop.order.domain.Order;
import shop.order.domain.OrderId;

/** The package context shipped the order's parcel: what the order context reads of a ParcelShipped. */
public record ParcelShipped(String eventId, OrderId orderId, Order.Shipment shipment) {

    public ParcelShipped {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(shipment, "shipment");
    }
}
