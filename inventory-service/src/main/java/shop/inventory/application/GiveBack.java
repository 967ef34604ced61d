package shop.inventory.application;

import shop.inventory.domain.Reservation;
import shop.inventory.domain.StockLine;

/**
 * Finishes a REJECTING or RELEASING order: gives back every line the order may hold (a line it does not hold is
 * skipped by the condition), then settles the status. Safe to run twice or concurrently, so any delivery that
 * finds an order half-way can finish the job.
 */
final class GiveBack {

    private final Stock stock;
    private final Reservations reservations;

    GiveBack(Stock stock, Reservations reservations) {
        this.stock = stock;
        this.reservations = reservations;
    }

    void finish(Reservation reservation) {
        for (StockLine line : reservation.lines()) {
            stock.giveBack(line.sku(), reservation.orderId(), line.quantity());
        }
        reservations.move(reservation.orderId(), reservation.status(), reservation.status().settlesAs());
    }
}
