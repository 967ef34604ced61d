package shop.inventory.domain;

import java.util.List;
import java.util.Objects;

/** What the inventory knows about one order: its lines, how far their reservation went, and which skus were short. */
public record Reservation(OrderId orderId, ReservationStatus status, List<StockLine> lines, List<Sku> shortSkus) {

    public Reservation {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
        shortSkus = List.copyOf(shortSkus);
    }
}
