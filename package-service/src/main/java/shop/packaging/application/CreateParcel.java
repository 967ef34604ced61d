package shop.packaging.application;

import shop.packaging.domain.Parcel;
import shop.packaging.domain.ParcelStatus;

/** On OrderPlaced: a parcel to pick, unless the order is already known (a duplicate, or cancelled before it came). */
public final class CreateParcel {

    private final Parcels parcels;

    public CreateParcel(Parcels parcels) {
        this.parcels = parcels;
    }

    public ParcelOutcome handle(PlacedOrder order) {
        if (parcels.create(Parcel.toPick(order.orderId(), order.lines(), order.shippingAddress()), order.eventId())) {
            return ParcelOutcome.CREATED;
        }
        ParcelStatus status = parcels.find(order.orderId()).map(Parcel::status)
                .orElseThrow(() -> new IllegalStateException("parcel of order " + order.orderId() + " vanished"));
        return switch (status) {
            case CANCELLED_BEFORE_PLACED, CANCELLED -> ParcelOutcome.IGNORED_CANCELLED_ORDER;
            case TO_PICK, SHIPPED, RETURN_REQUESTED -> ParcelOutcome.DUPLICATE;
        };
    }
}
