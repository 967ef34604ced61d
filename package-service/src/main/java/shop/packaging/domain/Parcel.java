package shop.packaging.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parcel to pick and ship for one order: its lines, where it goes, who it is for, and once shipped, how.
 * A parcel stored before recipients were kept has none (it cannot announce its shipment; see ShipParcel).
 */
public record Parcel(OrderId orderId, ParcelStatus status, List<ParcelLine> lines, ShippingAddress shippingAddress,
                     Optional<Recipient> recipient, Optional<Shipment> shipment) {

    public Parcel {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(shipment, "shipment");
        lines = List.copyOf(lines);
        if (status != ParcelStatus.CANCELLED_BEFORE_CONFIRMED) {
            Objects.requireNonNull(shippingAddress, "shippingAddress");
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("a parcel has at least one line");
            }
        }
        if (status == ParcelStatus.SHIPPED && shipment.isEmpty()) {
            throw new IllegalArgumentException("a shipped parcel has its shipment");
        }
    }

    /** A new parcel for a confirmed order. */
    public static Parcel toPick(OrderId orderId, List<ParcelLine> lines, ShippingAddress shippingAddress, Recipient recipient) {
        return new Parcel(orderId, ParcelStatus.TO_PICK, lines, shippingAddress, Optional.of(recipient), Optional.empty());
    }

    /** The parcel's own id, one per order: what the warehouse labels and ParcelShipped names. */
    public String parcelId() {
        return "PARCEL-" + orderId.value();
    }

    /** This parcel, shipped. Only a parcel to pick ships; the caller refuses the others before asking. */
    public Parcel ship(Shipment how) {
        if (status != ParcelStatus.TO_PICK) {
            throw new IllegalStateException("parcel " + parcelId() + " is " + status + " and cannot ship");
        }
        return new Parcel(orderId, ParcelStatus.SHIPPED, lines, shippingAddress, recipient, Optional.of(how));
    }
}
