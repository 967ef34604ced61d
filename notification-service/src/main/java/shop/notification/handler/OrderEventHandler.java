package shop.notification.handler;

import static shop.notification.handler.OrderEventTranslator.ORDER_CONFIRMED;
import static shop.notification.handler.OrderEventTranslator.ORDER_REJECTED;
import static shop.notification.handler.OrderEventTranslator.SOURCE;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import shop.notification.application.ConfirmOrder;
import shop.notification.application.NotificationOutcome;
import shop.notification.application.NotifyCancellation;
import shop.notification.application.NotifyRejection;
import shop.notification.application.NotifyShipment;
import shop.platform.events.EventConsumer;
import shop.platform.events.IncomingEvent;
import shop.platform.events.Subscription;
import shop.platform.priming.Priming;

/**
 * The NotificationFunction: an EventBridge rule target for OrderConfirmed, OrderRejected, OrderCancelled and
 * package's ParcelShipped.
 * Decodes, calls the use case, answers {@code {"outcome": ...}}. Anything it cannot handle is thrown after one
 * log line (no personal data), so Lambda retries it and then hands it to the dead-letter queue.
 */
public final class OrderEventHandler implements RequestStreamHandler {

    /** The order's own events, and package's shipment, each of schema major 1. */
    static final Subscription SUBSCRIPTION = OrderEventTranslator.SUBSCRIPTION
            .and(ParcelEventTranslator.SOURCE, 1, ParcelEventTranslator.PARCEL_SHIPPED);

    private final ConfirmOrder confirmOrder;
    private final NotifyRejection notifyRejection;
    private final NotifyCancellation notifyCancellation;
    private final NotifyShipment notifyShipment;

    /** Used by Lambda: reads the environment and builds the clients once, at init. */
    public OrderEventHandler() {
        this(Wiring.confirmOrder(), Wiring.notifyRejection(), Wiring.notifyCancellation(), Wiring.notifyShipment());
        // SES is not primed: SendEmail is its only permitted call, and priming must never send
        Priming.register("notification consumer", () -> {
            Wiring.primeClients();
            OrderEventTranslator.orderConfirmed(SUBSCRIPTION.check(Priming.orderConfirmed()));
        });
    }

    public OrderEventHandler(ConfirmOrder confirmOrder, NotifyRejection notifyRejection, NotifyCancellation notifyCancellation,
                             NotifyShipment notifyShipment) {
        this.confirmOrder = confirmOrder;
        this.notifyRejection = notifyRejection;
        this.notifyCancellation = notifyCancellation;
        this.notifyShipment = notifyShipment;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventConsumer.consume(input, output, context, this::handle);
    }

    private Map<String, String> handle(IncomingEvent event) {
        SUBSCRIPTION.check(event);
        NotificationOutcome outcome;
        if (Subscription.is(event, ParcelEventTranslator.SOURCE, ParcelEventTranslator.PARCEL_SHIPPED)) {
            outcome = notifyShipment.handle(ParcelEventTranslator.parcelShipped(event));
        } else if (Subscription.is(event, SOURCE, ORDER_CONFIRMED)) {
            outcome = confirmOrder.handle(OrderEventTranslator.orderConfirmed(event));
        } else if (Subscription.is(event, SOURCE, ORDER_REJECTED)) {
            outcome = notifyRejection.handle(OrderEventTranslator.orderRejected(event));
        } else {
            outcome = notifyCancellation.handle(OrderEventTranslator.orderCancelled(event));
        }
        return Map.of("outcome", outcome.name());
    }
}
