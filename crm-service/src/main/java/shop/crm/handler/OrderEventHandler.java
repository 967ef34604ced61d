package shop.crm.handler;

import static shop.crm.handler.OrderEventTranslator.ORDER_CONFIRMED;
import static shop.crm.handler.OrderEventTranslator.ORDER_PLACED;
import static shop.crm.handler.OrderEventTranslator.ORDER_REJECTED;
import static shop.crm.handler.OrderEventTranslator.SOURCE;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import shop.crm.application.CrmOutcome;
import shop.crm.application.RecordCancellation;
import shop.crm.application.RecordConfirmation;
import shop.crm.application.RecordOrderPlaced;
import shop.crm.application.RecordRejection;
import shop.crm.application.RecordShipment;
import shop.platform.events.EventConsumer;
import shop.platform.events.IncomingEvent;
import shop.platform.events.Subscription;
import shop.platform.priming.Priming;

/**
 * The CrmFunction: an EventBridge rule target for every step of an order (placed, confirmed, rejected, cancelled,
 * and package's ParcelShipped).
 * Decodes, calls the use case, answers {@code {"outcome": ...}}. What it cannot handle is thrown after one log line
 * without personal data (no customer id either), so Lambda retries it and then hands it to the dead-letter queue.
 */
public final class OrderEventHandler implements RequestStreamHandler {

    /** The order's own events, and package's shipment, each of schema major 1. */
    static final Subscription SUBSCRIPTION = OrderEventTranslator.SUBSCRIPTION
            .and(ParcelEventTranslator.SOURCE, 1, ParcelEventTranslator.PARCEL_SHIPPED);

    private final RecordOrderPlaced recordOrderPlaced;
    private final RecordConfirmation recordConfirmation;
    private final RecordRejection recordRejection;
    private final RecordCancellation recordCancellation;
    private final RecordShipment recordShipment;

    /** Used by Lambda: reads the environment and builds the clients once, at init. */
    public OrderEventHandler() {
        this(Wiring.recordOrderPlaced(), Wiring.recordConfirmation(), Wiring.recordRejection(), Wiring.recordCancellation(),
                Wiring.recordShipment());
        Priming.register("crm consumer", () -> {
            Wiring.primeClients();
            OrderEventTranslator.orderPlaced(SUBSCRIPTION.check(Priming.orderPlaced()));
            OrderEventTranslator.orderConfirmed(SUBSCRIPTION.check(Priming.orderConfirmed()));
        });
    }

    public OrderEventHandler(RecordOrderPlaced recordOrderPlaced, RecordConfirmation recordConfirmation,
                             RecordRejection recordRejection, RecordCancellation recordCancellation,
                             RecordShipment recordShipment) {
        this.recordOrderPlaced = recordOrderPlaced;
        this.recordConfirmation = recordConfirmation;
        this.recordRejection = recordRejection;
        this.recordCancellation = recordCancellation;
        this.recordShipment = recordShipment;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventConsumer.consume(input, output, context, this::handle);
    }

    private Map<String, String> handle(IncomingEvent event) {
        SUBSCRIPTION.check(event);
        CrmOutcome outcome;
        if (Subscription.is(event, ParcelEventTranslator.SOURCE, ParcelEventTranslator.PARCEL_SHIPPED)) {
            outcome = recordShipment.handle(ParcelEventTranslator.parcelShipped(event));
        } else if (Subscription.is(event, SOURCE, ORDER_PLACED)) {
            outcome = recordOrderPlaced.handle(OrderEventTranslator.orderPlaced(event));
        } else if (Subscription.is(event, SOURCE, ORDER_CONFIRMED)) {
            outcome = recordConfirmation.handle(OrderEventTranslator.orderConfirmed(event));
        } else if (Subscription.is(event, SOURCE, ORDER_REJECTED)) {
            outcome = recordRejection.handle(OrderEventTranslator.orderRejected(event));
        } else {
            outcome = recordCancellation.handle(OrderEventTranslator.orderCancelled(event));
        }
        return Map.of("outcome", outcome.name());
    }
}
