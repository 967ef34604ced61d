package shop.inventory.application;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import shop.inventory.domain.Reservation;

/**
 * Inventory's answer to one order, made once: every line held (RESERVED) or none (SHORTAGE, with the short skus in
 * the reservation). Stored with the reservation in the write that decides it, then published; its eventId is fixed
 * here, so the stored and the published copy are one event to the order context.
 */
public record StockDecision(String eventId, Kind kind, Reservation reservation, Instant decidedAt, String correlationId) {

    public enum Kind { RESERVED, SHORTAGE }

    public StockDecision {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reservation, "reservation");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(correlationId, "correlationId");
        if ((kind == Kind.SHORTAGE) == reservation.shortSkus().isEmpty()) {
            throw new IllegalArgumentException("a shortage, and only a shortage, names short skus");
        }
    }

    public static StockDecision of(Kind kind, Reservation reservation, Instant decidedAt, String correlationId) {
        return new StockDecision(UUID.randomUUID().toString(), kind, reservation, decidedAt, correlationId);
    }
}
