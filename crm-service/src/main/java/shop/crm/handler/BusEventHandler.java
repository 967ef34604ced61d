package shop.crm.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
public final class BusEventHandler implements RequestStreamHandler {

    /** Every step of an order's life goes on the customer's timeline, package's shipment too; each of schema major 1. */
    static final Subscription SUBSCRIPTION = Subscription
            .to(OrderEventTranslator.SOURCE, 1, OrderEventTranslator.ORDER_PLACED, OrderEventTranslator.ORDER_CONFIRMED,
                    OrderEventTranslator.ORDER_REJECTED, OrderEventTranslator.ORDER_CANCELLED)
            .and(PackageEventTranslator.SOURCE, 1, PackageEventTranslator.PARCEL_SHIPPED);

    private final RecordOrderPlaced recordOrderPlaced;
    private final RecordConfirmation recordConfirmation;
    private final RecordRejection recordRejection;
    private final RecordCancellation recordCancellation;
    private final RecordShipment recordShipment;

    /** Used by Lambda: reads the environment and builds the clients once, at init. */
    public BusEventHandler() {
        this(Wiring.recordOrderPlaced(), Wiring.recordConfirmation(), Wiring.recordRejection(), Wiring.recordCancellation(),
                Wiring.recordShipment());
        Priming.register("crm consumer", () -> {
            Wiring.primeClients();
            OrderEventTranslator.orderPlaced(SUBSCRIPTION.check(primingSample("OrderPlaced")));
            OrderEventTranslator.orderConfirmed(SUBSCRIPTION.check(primingSample("OrderConfirmed")));
        });
    }

    public BusEventHandler(RecordOrderPlaced recordOrderPlaced, RecordConfirmation recordConfirmation,
                           RecordRejection recordRejection, RecordCancellation recordCancellation,
                           RecordShipment recordShipment) {
        this.recordOrderPlaced = recordOrderPlaced;
        this.recordConfirmation = recordConfirmation;
        this.recordRejection = recordRejection;
        this.recordCancellation = recordCancellation;
        this.recordShipment = recordShipment;
    }

    /** A {@code detailType} event for an order no one has (all-zero ids), for the decoding path only: never handed to a use case. */
    static IncomingEvent primingSample(String detailType) {
        return Priming.sampleEvent(BusEventHandler.class, "/priming/" + detailType + ".json");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventConsumer.consume(input, output, context, this::handle);
    }

    private ObjectNode handle(IncomingEvent event) {
        SUBSCRIPTION.check(event);
        CrmOutcome outcome;
        if (Subscription.is(event, PackageEventTranslator.SOURCE, PackageEventTranslator.PARCEL_SHIPPED)) {
            outcome = recordShipment.handle(PackageEventTranslator.parcelShipped(event));
        } else if (Subscription.is(event, OrderEventTranslator.SOURCE, OrderEventTranslator.ORDER_PLACED)) {
            outcome = recordOrderPlaced.handle(OrderEventTranslator.orderPlaced(event));
        } else if (Subscription.is(event, OrderEventTranslator.SOURCE, OrderEventTranslator.ORDER_CONFIRMED)) {
            outcome = recordConfirmation.handle(OrderEventTranslator.orderConfirmed(event));
        } else if (Subscription.is(event, OrderEventTranslator.SOURCE, OrderEventTranslator.ORDER_REJECTED)) {
            outcome = recordRejection.handle(OrderEventTranslator.orderRejected(event));
        } else {
            outcome = recordCancellation.handle(OrderEventTranslator.orderCancelled(event));
        }
        return EventConsumer.answer(outcome.name());
    }
}
