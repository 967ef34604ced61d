package shop.notification.handler;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.notification.application.OrderCancelled;
import shop.notification.application.OrderConfirmed;
import shop.notification.application.OrderRejected;
import shop.notification.domain.EmailAddress;
import shop.notification.domain.Money;
import shop.notification.domain.OrderId;
import shop.notification.domain.OrderedItem;
import shop.platform.events.EventFields;
import shop.platform.events.IncomingEvent;
import shop.platform.events.MalformedEventException;

/**
 * Reads the published order events into this context's own commands, taking only the fields it needs (tolerant
 * reader). A missing or invalid field is a {@link MalformedEventException} naming the field, never its value.
 * The lines and the contact email are read the same way from package's ParcelShipped.
 */
final class OrderEventTranslator {

    static final String SOURCE = "shop.orders";
    static final String ORDER_CONFIRMED = "OrderConfirmed";
    static final String ORDER_REJECTED = "OrderRejected";
    static final String ORDER_CANCELLED = "OrderCancelled";

    private OrderEventTranslator() {
    }

    static OrderConfirmed orderConfirmed(IncomingEvent event) {
        EventFields data = EventFields.data(event);
        int items = itemCount(data);
        return EventFields.validated(ORDER_CONFIRMED + " data", () -> new OrderConfirmed(event.metadata().eventId(),
                orderId(data), data.instant("placedAt"), money(data.object("total")), items, recipient(data)));
    }

    static OrderRejected orderRejected(IncomingEvent event) {
        EventFields data = EventFields.data(event);
        Map<String, Integer> ordered = quantities(data);
        List<String> shortSkus = data.texts("shortSkus");
        List<OrderedItem> notReserved = new ArrayList<>();
        for (int i = 0; i < shortSkus.size(); i++) {
            String sku = shortSkus.get(i);
            Integer quantity = ordered.get(sku);
            if (quantity == null) {
                throw new MalformedEventException("data.shortSkus[" + i + "] is not the sku of any of data.lines");
            }
            notReserved.add(EventFields.validated(ORDER_REJECTED + " data", () -> new OrderedItem(sku, quantity)));
        }
        return EventFields.validated(ORDER_REJECTED + " data", () -> new OrderRejected(event.metadata().eventId(),
                orderId(data), data.instant("placedAt"), notReserved, recipient(data)));
    }

    static OrderCancelled orderCancelled(IncomingEvent event) {
        EventFields data = EventFields.data(event);
        return EventFields.validated(ORDER_CANCELLED + " data", () -> new OrderCancelled(event.metadata().eventId(),
                orderId(data), data.instant("placedAt"), data.instant("cancelledAt"), data.text("reason"), recipient(data)));
    }

    /** How many items the lines hold in all. */
    static int itemCount(EventFields data) {
        return quantities(data).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Ordered quantity per sku, in line order (a sku on two lines counts once, with both quantities). */
    private static Map<String, Integer> quantities(EventFields data) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (EventFields line : data.objects("lines")) {
            int quantity = line.integer("quantity");
            if (quantity < 1) {
                throw new MalformedEventException(line.path() + ".quantity is not a positive integer");
            }
            quantities.merge(line.text("sku"), quantity, Integer::sum);
        }
        return quantities;
    }

    static OrderId orderId(EventFields data) {
        return new OrderId(data.text("orderId"));
    }

    static EmailAddress recipient(EventFields data) {
        String email = data.text("contactEmail");
        try {
            return new EmailAddress(email);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("data.contactEmail is not an email address");
        }
    }

    private static Money money(EventFields total) {
        String amount = total.text("amount");
        try {
            return new Money(new BigDecimal(amount), total.text("currency"));
        } catch (NumberFormatException e) {
            throw new MalformedEventException(total.path() + ".amount is not a decimal");
        }
    }
}
