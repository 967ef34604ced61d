package shop.packaging.application;

import java.util.Optional;
import shop.packaging.domain.OrderId;
import shop.packaging.domain.Parcel;
import shop.packaging.domain.ParcelStatus;

/** The warehouse marks a parcel shipped. Only a parcel to pick can ship; a cancelled one stays in the warehouse. */
public final class ShipParcel {

    private final Parcels parcels;

    public ShipParcel(Parcels parcels) {
        this.parcels = parcels;
    }

    public PackageOutcome handle(OrderId orderId) {
        if (parcels.move(orderId, ParcelStatus.TO_PICK, ParcelStatus.SHIPPED, "ship")) {
            return PackageOutcome.SHIPPED;
        }
        Optional<ParcelStatus> status = parcels.find(orderId).map(Parcel::status);
        if (status.isEmpty()) {
            return PackageOutcome.NOT_FOUND;
        }
        return status.get() == ParcelStatus.SHIPPED || status.get() == ParcelStatus.RETURN_REQUESTED
                ? PackageOutcome.ALREADY_SHIPPED : PackageOutcome.NOT_SHIPPABLE;
    }
}
