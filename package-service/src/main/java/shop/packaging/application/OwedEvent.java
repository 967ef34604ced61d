package shop.packaging.application;

import java.util.Objects;
import java.util.UUID;
import shop.packaging.domain.Parcel;
import shop.packaging.domain.ParcelStatus;

/**
 * The event a parcel's change owes the bus (its one fact: ParcelShipped), as a fact of this context: the shipped
 * parcel and the request it follows. Its eventId is fixed here, so the copy stored with the parcel and the copy
 * published now are one event to consumers. Every producing context names this role OwedEvent.
 */
public record OwedEvent(String eventId, Parcel parcel, String correlationId) {

    public OwedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(parcel, "parcel");
        Objects.requireNonNull(correlationId, "correlationId");
        if (parcel.status() != ParcelStatus.SHIPPED || parcel.recipient().isEmpty()) {
            throw new IllegalArgumentException("ParcelShipped is owed by a shipped parcel with a recipient");
        }
    }

    public static OwedEvent of(Parcel shipped, String correlationId) {
        return new OwedEvent(UUID.randomUUID().toString(), shipped, correlationId);
    }
}
