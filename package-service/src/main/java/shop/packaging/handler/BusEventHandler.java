package shop.packaging.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import shop.packaging.application.CancelParcel;
import shop.packaging.application.CreateParcel;
import shop.packaging.application.PackageOutcome;
import shop.platform.events.EventConsumer;
import shop.platform.events.IncomingEvent;
import shop.platform.events.Subscription;
import shop.platform.priming.Priming;

/**
 * The package context's EventBridge target: OrderConfirmed creates a parcel to pick, OrderCancelled cancels it or
 * marks it for return. Writes {@code {"outcome": ...}}; an event it cannot read fails the invocation (retries,
 * then the DLQ) after one log line that never quotes the address or email.
 */
public final class BusEventHandler implements RequestStreamHandler {

    /**
     * A parcel only for a confirmed order; OrderPlaced (not yet reserved) and OrderRejected (never confirmed) are not
     * read. Schema major 1.
     */
    static final Subscription SUBSCRIPTION = Subscription.to(OrderEventTranslator.SOURCE, 1,
            OrderEventTranslator.ORDER_CONFIRMED, OrderEventTranslator.ORDER_CANCELLED);

    private final CreateParcel createParcel;
    private final CancelParcel cancelParcel;

    /** Used by Lambda: clients are built once, at init. */
    public BusEventHandler() {
        this(Wiring.createParcel(), Wiring.cancelParcel());
        Priming.register("package consumer", () -> {
            Wiring.primeClients();
            OrderEventTranslator.orderConfirmed(SUBSCRIPTION.check(primingSample()));
        });
    }

    public BusEventHandler(CreateParcel createParcel, CancelParcel cancelParcel) {
        this.createParcel = createParcel;
        this.cancelParcel = cancelParcel;
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
        PackageOutcome outcome = Subscription.is(event, OrderEventTranslator.SOURCE, OrderEventTranslator.ORDER_CONFIRMED)
                ? createParcel.handle(OrderEventTranslator.orderConfirmed(event))
                : cancelParcel.handle(OrderEventTranslator.orderCancelled(event));
        return EventConsumer.answer(outcome.name());
    }
}
