package shop.notification.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import shop.notification.application.ConfirmOrder;
import shop.notification.application.NotifyCancellation;
import shop.notification.application.Outcome;
import shop.platform.events.EventConsumer;
import shop.platform.events.IncomingEvent;
import shop.platform.events.MalformedEventException;
import shop.platform.priming.Priming;

/**
 * The NotificationFunction: an EventBridge rule target for OrderPlaced and OrderCancelled. Decodes, calls the
 * use case, answers {@code {"outcome": ...}}. Anything it cannot handle is thrown after one log line (no
 * personal data), so Lambda retries it and then hands it to the dead-letter queue.
 */
public final class OrderEventHandler implements RequestStreamHandler {

    private final ConfirmOrder confirmOrder;
    private final NotifyCancellation notifyCancellation;

    /** Used by Lambda: reads the environment and builds the clients once, at init. */
    public OrderEventHandler() {
        this(Wiring.confirmOrder(), Wiring.notifyCancellation());
        // SES is not primed: SendEmail is its only permitted call, and priming must never send
        Priming.register("notification consumer", () -> {
            Wiring.primeClients();
            OrderEventTranslator.orderPlaced(Priming.orderPlaced());
        });
    }

    public OrderEventHandler(ConfirmOrder confirmOrder, NotifyCancellation notifyCancellation) {
        this.confirmOrder = confirmOrder;
        this.notifyCancellation = notifyCancellation;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventConsumer.consume(input, output, context, this::handle);
    }

    private Map<String, String> handle(IncomingEvent event) {
        OrderEventTranslator.requireSupported(event);
        Outcome outcome = switch (event.detailType()) {
            case "OrderPlaced" -> confirmOrder.handle(OrderEventTranslator.orderPlaced(event));
            case "OrderCancelled" -> notifyCancellation.handle(OrderEventTranslator.orderCancelled(event));
            default -> throw new MalformedEventException("detail-type " + event.detailType() + " is not handled here");
        };
        return Map.of("outcome", outcome.name());
    }
}
