package shop.notification.domain;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Writes the two emails: plain, short, no marketing. No name or address in them beyond the recipient field. */
public final class OrderEmails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final Map<String, String> REASONS = Map.of(
            "CHANGED_MIND", "you changed your mind",
            "FOUND_CHEAPER", "you found it cheaper elsewhere",
            "DELIVERY_TOO_SLOW", "delivery would take too long",
            "ORDERED_BY_MISTAKE", "it was ordered by mistake",
            "OTHER", "other");

    private OrderEmails() {
    }

    public static Email confirmation(OrderPlaced order) {
        String items = order.itemCount() == 1 ? "1 item" : order.itemCount() + " items";
        return new Email(order.recipient(), "Your order " + order.orderId() + " is confirmed",
                "Thank you for your order.\n\n"
                        + "Order: " + order.orderId() + "\n"
                        + "Placed: " + WHEN.format(order.placedAt()) + "\n"
                        + "Items: " + items + "\n"
                        + "Total: " + order.total().display() + "\n\n"
                        + "We will let you know when it ships.\n");
    }

    public static Email cancellationNotice(OrderCancelled order) {
        String reason = REASONS.getOrDefault(order.reason(), "other");
        return new Email(order.recipient(), "Your order " + order.orderId() + " is cancelled",
                "Your order has been cancelled.\n\n"
                        + "Order: " + order.orderId() + "\n"
                        + "Placed: " + WHEN.format(order.placedAt()) + "\n"
                        + "Cancelled: " + WHEN.format(order.cancelledAt()) + "\n"
                        + "Reason given: " + reason + "\n\n"
                        + "If you did not ask for this, please reply to this email.\n");
    }
}
