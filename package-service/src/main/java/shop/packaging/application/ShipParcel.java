package shop.packaging.application;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.packaging.domain.Parcel;
import shop.packaging.domain.Shipment;

/**
 * The warehouse marks a parcel shipped: TO_PICK becomes SHIPPED and owes one ParcelShipped, in one conditional
 * write, then the event is published. Only a parcel to pick can ship; a cancelled one stays in the warehouse, and
 * shipping again answers with the first shipment and publishes nothing.
 */
public final class ShipParcel {

    /** What a ship request did, and the parcel as it stands (none when the order has no parcel). */
    public record Result(PackageOutcome outcome, Optional<Parcel> parcel) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ShipParcel.class);
    /** A retry follows one write made in between (a cancel); more is more than the lifecycle allows. */
    private static final int ATTEMPTS = 3;

    private final Parcels parcels;
    private final ParcelEvents events;
    private final Clock clock;

    public ShipParcel(Parcels parcels, ParcelEvents events, Clock clock) {
        this.parcels = parcels;
        this.events = events;
        this.clock = clock;
    }

    public Result handle(ShipParcelCommand command) {
        Shipment how = new Shipment(command.carrier(), command.trackingNumber(), clock.instant());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Parcel> found = parcels.find(command.orderId());
            if (found.isEmpty()) {
                return new Result(PackageOutcome.NOT_FOUND, found);
            }
            Parcel parcel = found.get();
            switch (parcel.status()) {
                case SHIPPED, RETURN_REQUESTED -> {
                    return new Result(PackageOutcome.ALREADY_SHIPPED, found);
                }
                case CANCELLED, CANCELLED_BEFORE_CONFIRMED -> {
                    return new Result(PackageOutcome.NOT_SHIPPABLE, found);
                }
                case TO_PICK -> {
                    if (parcel.recipient().isEmpty()) {
                        LOG.warn("parcel {} has no recipient (stored before recipients were kept): cannot announce it", parcel.parcelId());
                        return new Result(PackageOutcome.NOT_SHIPPABLE, found);
                    }
                    Parcel shipped = parcel.ship(how);
                    OwedEvent owed = OwedEvent.of(shipped, command.correlationId());
                    if (parcels.ship(shipped, owed)) {
                        events.publish(owed);
                        return new Result(PackageOutcome.SHIPPED, Optional.of(shipped));
                    }
                }
            }
        }
        throw new IllegalStateException("parcel of order " + command.orderId() + " kept changing while shipping; retry");
    }
}
