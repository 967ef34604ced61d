package shop.notification.application;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import shop.notification.domain.EmailAddress;
import shop.notification.domain.OrderId;
import shop.notification.domain.OrderedItem;

/** What the notification context reads of an OrderRejected: the items that could not be reserved, as ordered. */
public record OrderRejected(String eventId, OrderId orderId, Instant placedAt, List<OrderedItem> notReserved,
                            EmailAddress recipient) {

    public OrderRejected {
        Commands.requireEventId(eventId);
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(recipient, "recipient");
        notReserved = List.copyOf(notReserved);
        if (notReserved.isEmpty()) {
            throw new IllegalArgumentException("a rejection names at least one item that could not be reserved");
        }
    }
}
