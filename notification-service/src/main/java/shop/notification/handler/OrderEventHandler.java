package shop.notification.handler;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.notification.application.ConfirmOrder;
import shop.notification.application.NotifyCancellation;
import shop.notification.application.Outcome;
import shop.platform.events.EventConsumer;
import shop.platform.events.IncomingEvent;
import shop.platform.events.MalformedEventException;

/**
 * The NotificationFunction: an EventBridge rule target for OrderPlaced and OrderCancelled. Decodes, calls the
 * use case, answers {@code {"outcome": ...}}. Anything it cannot handle is thrown after one log line (no
 * personal data), so Lambda retries it and then hands it to the dead-letter queue.
 */
public final class OrderEventHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OrderEventHandler.class);

    private final ConfirmOrder confirmOrder;
    private final NotifyCancellation notifyCancellation;

    /** Used by Lambda: reads the environment and builds the clients once, at init. */
    public OrderEventHandler() {
        this(Wiring.confirmOrder(), Wiring.notifyCancellation());
        // SES is not primed: SendEmail is its only permitted call, and priming must never send
        shop.platform.priming.Priming.register("notification consumer", () -> {
            Wiring.primeClients();
            OrderEventTranslator.orderPlaced(shop.platform.priming.Priming.orderPlaced());
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
        LOG.info("handled {}", event.detailType(), entry("outcome", outcome.name()), entry("event_id", event.metadata().eventId()),
                entry("order_id", event.data().path("orderId").asText()), entry("replay", event.replayName().isPresent()));
        return Map.of("outcome", outcome.name());
    }
}
