package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What a user sees once every event of an order's conversation has been applied exactly once, in every context. */
final class Expectations {

    private Expectations() {
    }

    /**
     * Placed and cancelled, each event applied once, in any order per context. Where OrderCancelled came first (a late,
     * relayed or redriven OrderPlaced or OrderConfirmed) the context keeps a tombstone: inventory holds nothing, package
     * makes nothing pickable, notification sends no confirmation after the cancellation. Answers whether any context saw
     * the cancellation first.
     */
    static boolean cancelledInAnyOrder(ContextState state, ContextState.OrderRef order, Workload.Planned plan) {
        String which = "order " + plan.index() + " (" + order.orderId() + ")";
        String reservation = state.reservation(order.orderId());
        String parcel = state.parcel(order.orderId());
        String confirmation = state.status("NotificationTable", "ORDER#" + order.orderId(), "MESSAGE#ORDER_CONFIRMATION");
        assertEquals("CANCELLED", state.order(order.orderId()), "status of " + which);
        assertTrue(Set.of("RELEASED", "CANCELLED_BEFORE_PLACED").contains(reservation), "reservation of " + which + ": " + reservation);
        assertEquals(Map.of(), state.held(order.orderId()), "nothing held for " + which);
        assertTrue(Set.of("CANCELLED", "CANCELLED_BEFORE_CONFIRMED").contains(parcel), "parcel of " + which + ": " + parcel);
        // what the SES stand-in received, oldest first: a confirmation only before the cancellation, never after it
        List<String> received = state.emailsTo(order.email()).stream().map(e -> e.subject().contains("cancelled") ? "cancelled"
                : e.subject().contains("confirmed") ? "confirmed" : e.subject()).toList();
        assertTrue(received.equals(List.of("cancelled")) || received.equals(List.of("confirmed", "cancelled")),
                "emails received for " + which + ", oldest first: " + received + " (confirmation record " + confirmation + ")");
        assertEquals(received.contains("confirmed"), confirmation.equals("SENT"),
                "the confirmation record of " + which + " says what was sent: " + confirmation + ", received " + received);
        var insight = state.insight(order.customerId()).path("insight");
        assertEquals(1, insight.path("ordersPlaced").asInt(), "CRM orders placed for " + which);
        assertEquals(1, insight.path("ordersCancelled").asInt(), "CRM cancellations for " + which);
        return !reservation.equals("RELEASED") || !parcel.equals("CANCELLED") || !received.contains("confirmed");
    }

    /**
     * Placed with stock for every line, confirmed (and perhaps cancelled after that) exactly once: CONFIRMED or CANCELLED,
     * its units held or released, one parcel, one email per fact (confirmation, cancellation), one CRM entry.
     */
    static void appliedOnce(ContextState state, ContextState.OrderRef order, Workload.Planned plan, boolean cancelled) {
        String which = "order " + plan.index() + " (" + order.orderId() + ")";
        assertEquals(cancelled ? "CANCELLED" : "CONFIRMED", state.order(order.orderId()), "status of " + which);
        assertEquals(cancelled ? "RELEASED" : "RESERVED", state.reservation(order.orderId()), "reservation of " + which);
        Map<String, Integer> held = new TreeMap<>();
        if (!cancelled) {
            plan.lines().forEach(l -> held.merge("SKU#" + l.sku(), l.quantity(), Integer::sum));
        }
        assertEquals(held, state.held(order.orderId()), "units held for " + which);
        assertEquals(cancelled ? "CANCELLED" : "TO_PICK", state.parcel(order.orderId()), "parcel of " + which);
        assertEquals(1, state.emailsTo(order.email()).stream().filter(e -> e.subject().contains("confirmed")).count(),
                "confirmation emails for " + which);
        assertEquals(cancelled ? 2 : 1, state.emailsTo(order.email()).size(), "emails for " + which);
        var insight = state.insight(order.customerId()).path("insight");
        assertEquals(1, insight.path("ordersPlaced").asInt(), "CRM orders placed for " + which);
        assertEquals(1, insight.path("ordersConverted").asInt(), "CRM orders converted (confirmed) for " + which);
        assertEquals(cancelled ? 1 : 0, insight.path("ordersCancelled").asInt(), "CRM cancellations for " + which);
    }
}
