package shop.packaging.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import shop.packaging.application.CancelParcel;
import shop.packaging.application.CreateParcel;
import shop.packaging.application.ParcelOutcome;
import shop.platform.events.EventConsumer;
import shop.platform.events.IncomingEvent;
import shop.platform.priming.Priming;

/**
 * The package context's EventBridge target: OrderPlaced creates a parcel to pick, OrderCancelled cancels it or
 * marks it for return. Writes {@code {"outcome": ...}}; an event it cannot read fails the invocation (retries,
 * then the DLQ) after one log line that never quotes the address or email.
 */
public final class OrderEventHandler implements RequestStreamHandler {

    private final CreateParcel createParcel;
    private final CancelParcel cancelParcel;

    /** Used by Lambda: clients are built once, at init. */
    public OrderEventHandler() {
        this(Wiring.createParcel(), Wiring.cancelParcel());
        Priming.register("package consumer", () -> {
            Wiring.primeClients();
            OrderEvents.placed(Priming.orderPlaced());
        });
    }

    public OrderEventHandler(CreateParcel createParcel, CancelParcel cancelParcel) {
        this.createParcel = createParcel;
        this.cancelParcel = cancelParcel;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventConsumer.consume(input, output, context, this::handle);
    }

    private java.util.Map<String, String> handle(IncomingEvent event) {
        OrderEvents.checkSubscribed(event);
        ParcelOutcome outcome = OrderEvents.ORDER_PLACED.equals(event.detailType())
                ? createParcel.handle(OrderEvents.placed(event))
                : cancelParcel.handle(OrderEvents.cancelled(event));
        return java.util.Map.of("outcome", outcome.name());
    }
}
