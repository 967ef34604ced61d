package shop.inventory.application;

import java.util.Objects;
import shop.inventory.domain.OrderId;

/** The command SettleStock takes: what the inventory reads of a ParcelShipped (the lines it settles are the ones it held). */
public record ParcelShipped(String eventId, OrderId orderId) {

    public ParcelShipped {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
    }
}
