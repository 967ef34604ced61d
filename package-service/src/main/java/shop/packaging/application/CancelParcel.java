package shop.packaging.application;

import java.util.Optional;
import shop.packaging.domain.Parcel;
import shop.packaging.domain.ParcelStatus;

/**
 * On OrderCancelled: a parcel not yet shipped is cancelled, a shipped one is marked for return, and an order
 * not confirmed yet gets a tombstone so its late OrderConfirmed creates nothing. Racing a shipment or the OrderConfirmed,
 * the conditional write that loses is simply retried against what won.
 */
public final class CancelParcel {

    /** Each retry follows a write another delivery made in between; three is more than two writers can cause. */
    private static final int ATTEMPTS = 3;

    private final Parcels parcels;

    public CancelParcel(Parcels parcels) {
        this.parcels = parcels;
    }

    public PackageOutcome handle(OrderCancelled cancellation) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Parcel> parcel = parcels.find(cancellation.orderId());
            if (parcel.isEmpty()) {
                if (parcels.tombstone(cancellation.orderId(), cancellation.eventId())) {
                    return PackageOutcome.CANCELLED_BEFORE_CONFIRMED;
                }
                continue;
            }
            ParcelStatus from = parcel.get().status();
            ParcelStatus to = from.cancelled();
            if (to == from) {
                return PackageOutcome.DUPLICATE;
            }
            if (parcels.move(cancellation.orderId(), from, to, cancellation.eventId())) {
                return to == ParcelStatus.CANCELLED ? PackageOutcome.CANCELLED : PackageOutcome.RETURN_REQUESTED;
            }
        }
        throw new IllegalStateException("parcel of order " + cancellation.orderId() + " kept changing while being cancelled; retry");
    }
}
