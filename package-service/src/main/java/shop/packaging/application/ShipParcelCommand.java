package shop.packaging.application;

import java.util.Objects;
import shop.packaging.domain.OrderId;

/** The warehouse's ship action: which order's parcel left, with which carrier and tracking number. */
public record ShipParcelCommand(OrderId orderId, String carrier, String trackingNumber, String correlationId) {

    public ShipParcelCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
