package shop.packaging.application;

import java.util.Optional;
import shop.packaging.domain.OrderId;
import shop.packaging.domain.Parcel;
import shop.packaging.domain.ParcelStatus;

/** One parcel per order. Each method is one conditional write to that order's item. */
public interface Parcels {

    /** Stores a new parcel unless the order is already known (a parcel or a tombstone); false if it was. */
    boolean create(Parcel parcel, String eventId);

    /** Records a cancellation for an order not confirmed yet (a tombstone); false if the order is known. */
    boolean tombstone(OrderId orderId, String eventId);

    Optional<Parcel> find(OrderId orderId);

    /** Moves the parcel from one status to another on a cancellation; false if it was not in {@code from}. */
    boolean move(OrderId orderId, ParcelStatus from, ParcelStatus to, String cause);

    /**
     * Stores the shipped parcel and the ParcelShipped it owes in one write, if the stored parcel is still TO_PICK;
     * false otherwise (shipped meanwhile, or cancelled).
     */
    boolean ship(Parcel shipped, OwedEvent owed);
}
