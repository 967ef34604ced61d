package shop.notification.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import shop.notification.application.NotificationOutcome;
import shop.notification.application.NotifyCancellation;
import shop.notification.application.NotifyConfirmation;
import shop.notification.application.NotifyRejection;
import shop.notification.application.NotifyShipment;
import shop.platform.events.EventConsumer;
import shop.platform.events.IncomingEvent;
import shop.platform.events.Subscription;
import shop.platform.priming.Priming;

/**
 * The context's one dispatch of OrderConfirmed, OrderRejected, OrderCancelled and package's ParcelShipped, reached
 * through {@link QueueEventHandler} (the events wait in NotificationQueue, paced to SES's send rate).
 * Decodes, calls the use case, answers {@code {"outcome": ...}}. Anything it cannot handle is thrown after one
 * log line (no personal data), so the queue handler hands the message back, and after 20 receives it reaches the DLQ.
 */
public final class BusEventHandler implements RequestStreamHandler {

    /**
     * No OrderPlaced: the customer hears once inventory has answered (confirmed or rejected), and on a cancel; and
     * package's shipment. Each of schema major 1.
     */
    static final Subscription SUBSCRIPTION = Subscription
            .to(OrderEventTranslator.SOURCE, 1, OrderEventTranslator.ORDER_CONFIRMED, OrderEventTranslator.ORDER_REJECTED,
                    OrderEventTranslator.ORDER_CANCELLED)
            .and(PackageEventTranslator.SOURCE, 1, PackageEventTranslator.PARCEL_SHIPPED);

    private final NotifyConfirmation notifyConfirmation;
    private final NotifyRejection notifyRejection;
    private final NotifyCancellation notifyCancellation;
    private final NotifyShipment notifyShipment;

    /** Used by Lambda: reads the environment and builds the clients once, at init. */
    public BusEventHandler() {
        this(Wiring.notifyConfirmation(), Wiring.notifyRejection(), Wiring.notifyCancellation(), Wiring.notifyShipment());
        // SES is not primed: SendEmail is its only permitted call, and priming must never send
        Priming.register("notification consumer", () -> {
            Wiring.primeClients();
            OrderEventTranslator.orderConfirmed(SUBSCRIPTION.check(primingSample()));
        });
    }

    public BusEventHandler(NotifyConfirmation notifyConfirmation, NotifyRejection notifyRejection,
                           NotifyCancellation notifyCancellation, NotifyShipment notifyShipment) {
        this.notifyConfirmation = notifyConfirmation;
        this.notifyRejection = notifyRejection;
        this.notifyCancellation = notifyCancellation;
        this.notifyShipment = notifyShipment;
    }

    /** An OrderConfirmed for an order no one has (all-zero ids), for the decoding path only: never handed to a use case. */
    static IncomingEvent primingSample() {
        return Priming.sampleEvent(BusEventHandler.class, "/priming/OrderConfirmed.json");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventConsumer.consume(input, output, context, this::handle);
    }

    private ObjectNode handle(IncomingEvent event) {
        SUBSCRIPTION.check(event);
        NotificationOutcome outcome;
        if (Subscription.is(event, PackageEventTranslator.SOURCE, PackageEventTranslator.PARCEL_SHIPPED)) {
            outcome = notifyShipment.handle(PackageEventTranslator.parcelShipped(event));
        } else if (Subscription.is(event, OrderEventTranslator.SOURCE, OrderEventTranslator.ORDER_CONFIRMED)) {
            outcome = notifyConfirmation.handle(OrderEventTranslator.orderConfirmed(event));
        } else if (Subscription.is(event, OrderEventTranslator.SOURCE, OrderEventTranslator.ORDER_REJECTED)) {
            outcome = notifyRejection.handle(OrderEventTranslator.orderRejected(event));
        } else {
            outcome = notifyCancellation.handle(OrderEventTranslator.orderCancelled(event));
        }
        return EventConsumer.answer(outcome.name());
    }
}
