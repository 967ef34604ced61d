package shop.packaging.application;

import shop.packaging.domain.Parcel;
import shop.packaging.domain.ParcelStatus;

/**
 * On OrderConfirmed: a parcel to pick, unless the order is already known (a duplicate, or cancelled before the
 * confirmation came). Only a confirmed order has stock held for every line, so only it gets a parcel: a placed
 * order may still be rejected, and a rejected one is never confirmed.
 */
public final class CreateParcel {

    private final Parcels parcels;

    public CreateParcel(Parcels parcels) {
        this.parcels = parcels;
    }

    public PackageOutcome handle(OrderConfirmed order) {
        if (parcels.create(Parcel.toPick(order.orderId(), order.lines(), order.shippingAddress(), order.recipient()), order.eventId())) {
            return PackageOutcome.CREATED;
        }
        ParcelStatus status = parcels.find(order.orderId()).map(Parcel::status)
                .orElseThrow(() -> new IllegalStateException("parcel of order " + order.orderId() + " vanished"));
        return switch (status) {
            case CANCELLED_BEFORE_CONFIRMED, CANCELLED -> PackageOutcome.IGNORED_CANCELLED_ORDER;
            case TO_PICK, SHIPPED, RETURN_REQUESTED -> PackageOutcome.DUPLICATE;
        };
    }
}
