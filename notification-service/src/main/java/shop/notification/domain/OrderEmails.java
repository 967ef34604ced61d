package shop.notification.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Writes the emails: plain, short, no marketing. No name or address in them beyond the recipient field. */
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

    /** Sent only once stock is reserved for every line: the one email that may call an order confirmed. */
    public static Email confirmation(EmailAddress to, OrderId orderId, Instant placedAt, int itemCount, Money total) {
        String items = itemCount == 1 ? "1 item" : itemCount + " items";
        return new Email(to, "Your order " + orderId + " is confirmed",
                "Thank you for your order: every item is reserved for you.\n\n"
                        + "Order: " + orderId + "\n"
                        + "Placed: " + WHEN.format(placedAt) + "\n"
                        + "Items: " + items + "\n"
                        + "Total: " + total.display() + "\n\n"
                        + "We will let you know when it ships.\n");
    }

    /** Names each item that could not be reserved, with the quantity ordered, and says nothing will be charged. */
    public static Email rejection(EmailAddress to, OrderId orderId, Instant placedAt, List<OrderedItem> notReserved) {
        if (notReserved.isEmpty()) {
            throw new IllegalArgumentException("a rejection names at least one item that could not be reserved");
        }
        StringBuilder items = new StringBuilder();
        notReserved.forEach(item -> items.append("  ").append(item.sku()).append(" (").append(item.quantity())
                .append(" ordered)\n"));
        return new Email(to, "Your order " + orderId + " could not be accepted",
                "We are sorry: we could not reserve these items of your order.\n\n"
                        + items + "\n"
                        + "Order: " + orderId + "\n"
                        + "Placed: " + WHEN.format(placedAt) + "\n\n"
                        + "The order has not been accepted and nothing will be charged.\n");
    }

    public static Email cancellationNotice(EmailAddress to, OrderId orderId, Instant placedAt, Instant cancelledAt,
                                           String reason) {
        return new Email(to, "Your order " + orderId + " is cancelled",
                "Your order has been cancelled.\n\n"
                        + "Order: " + orderId + "\n"
                        + "Placed: " + WHEN.format(placedAt) + "\n"
                        + "Cancelled: " + WHEN.format(cancelledAt) + "\n"
                        + "Reason given: " + REASONS.getOrDefault(reason, "other") + "\n\n"
                        + "If you did not ask for this, please reply to this email.\n");
    }

    /** Sent when the parcel leaves the warehouse: how to follow it. */
    public static Email onItsWay(EmailAddress to, OrderId orderId, Instant shippedAt, int itemCount, String carrier,
                                 String trackingNumber) {
        String items = itemCount == 1 ? "1 item" : itemCount + " items";
        return new Email(to, "Your order " + orderId + " is on its way",
                "Good news: your order has left our warehouse.\n\n"
                        + "Order: " + orderId + "\n"
                        + "Shipped: " + WHEN.format(shippedAt) + "\n"
                        + "Items: " + items + "\n"
                        + "Carrier: " + carrier + "\n"
                        + "Tracking number: " + trackingNumber + "\n");
    }

    /** Sent instead of {@link #onItsWay} when the order was cancelled while it shipped: no contradiction, a return. */
    public static Email shippedAfterCancellation(EmailAddress to, OrderId orderId, Instant shippedAt, String carrier,
                                                 String trackingNumber) {
        return new Email(to, "Your cancelled order " + orderId + " had already shipped",
                "Your order was cancelled, but it had already left our warehouse before the cancellation reached it.\n\n"
                        + "Order: " + orderId + "\n"
                        + "Shipped: " + WHEN.format(shippedAt) + "\n"
                        + "Carrier: " + carrier + "\n"
                        + "Tracking number: " + trackingNumber + "\n\n"
                        + "Please refuse the parcel or send it back when it arrives: a return is expected, and you\n"
                        + "will not be charged for a cancelled order.\n");
    }
}
