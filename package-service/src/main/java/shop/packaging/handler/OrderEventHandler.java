package shop.packaging.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
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
public final class OrderEventHandler implements RequestStreamHandler {

    private final CreateParcel createParcel;
    private final CancelParcel cancelParcel;

    /** Used by Lambda: clients are built once, at init. */
    public OrderEventHandler() {
        this(Wiring.createParcel(), Wiring.cancelParcel());
        Priming.register("package consumer", () -> {
            Wiring.primeClients();
            OrderEventTranslator.confirmed(OrderEventTranslator.SUBSCRIPTION.check(Priming.orderConfirmed()));
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

    private Map<String, String> handle(IncomingEvent event) {
        OrderEventTranslator.SUBSCRIPTION.check(event);
        PackageOutcome outcome = Subscription.is(event, OrderEventTranslator.SOURCE, OrderEventTranslator.ORDER_CONFIRMED)
                ? createParcel.handle(OrderEventTranslator.confirmed(event))
                : cancelParcel.handle(OrderEventTranslator.cancelled(event));
        return Map.of("outcome", outcome.name());
    }
}
