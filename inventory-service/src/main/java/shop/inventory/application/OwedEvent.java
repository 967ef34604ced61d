package shop.inventory.application;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import shop.inventory.domain.Reservation;

/**
 * The event a reservation's change owes the bus: inventory's decision on one order, made once, every line held
 * (RESERVED: StockReserved) or none (SHORTAGE: StockShortage, with the short skus in the reservation). Stored with
 * the reservation in the write that decides it, then published; its eventId is fixed here, so the stored and the
 * published copy are one event to the order context. Every producing context names this role OwedEvent.
 */
public record OwedEvent(String eventId, Kind kind, Reservation reservation, Instant decidedAt, String correlationId) {

    public enum Kind { RESERVED, SHORTAGE }

    public OwedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reservation, "reservation");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(correlationId, "correlationId");
        if ((kind == Kind.SHORTAGE) == reservation.shortSkus().isEmpty()) {
            throw new IllegalArgumentException("a shortage, and only a shortage, names short skus");
        }
    }

    public static OwedEvent of(Kind kind, Reservation reservation, Instant decidedAt, String correlationId) {
        return new OwedEvent(UUID.randomUUID().toString(), kind, reservation, decidedAt, correlationId);
    }
}
