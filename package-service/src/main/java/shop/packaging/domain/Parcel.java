package shop.packaging.domain;

import java.util.List;
import java.util.Objects;

/** A parcel to pick and ship for one order: its lines and where it goes. */
public record Parcel(OrderId orderId, ParcelStatus status, List<ParcelLine> lines, ShippingAddress shippingAddress) {

    public Parcel {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
        if (status != ParcelStatus.CANCELLED_BEFORE_CONFIRMED) {
            Objects.requireNonNull(shippingAddress, "shippingAddress");
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("a parcel has at least one line");
            }
        }
    }

    /** A new parcel for a confirmed order. */
    public static Parcel toPick(OrderId orderId, List<ParcelLine> lines, ShippingAddress shippingAddress) {
        return new Parcel(orderId, ParcelStatus.TO_PICK, lines, shippingAddress);
    }
}
