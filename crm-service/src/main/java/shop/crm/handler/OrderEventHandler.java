package shop.crm.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import shop.crm.application.Outcome;
import shop.crm.application.RecordCancellation;
import shop.crm.application.RecordOrderPlaced;
import shop.platform.events.EventConsumer;
import shop.platform.events.IncomingEvent;
import shop.platform.events.MalformedEventException;
import shop.platform.priming.Priming;

/**
 * The CrmFunction: an EventBridge rule target for OrderPlaced and OrderCancelled. Decodes, calls the use case,
 * answers {@code {"outcome": ...}}. What it cannot handle is thrown after one log line without personal data
 * (no customer id either), so Lambda retries it and then hands it to the dead-letter queue.
 */
public final class OrderEventHandler implements RequestStreamHandler {

    private final RecordOrderPlaced recordOrderPlaced;
    private final RecordCancellation recordCancellation;

    /** Used by Lambda: reads the environment and builds the clients once, at init. */
    public OrderEventHandler() {
        this(Wiring.recordOrderPlaced(), Wiring.recordCancellation());
        Priming.register("crm consumer", () -> {
            Wiring.primeClients();
            OrderEventTranslator.orderPlaced(Priming.orderPlaced());
        });
    }

    public OrderEventHandler(RecordOrderPlaced recordOrderPlaced, RecordCancellation recordCancellation) {
        this.recordOrderPlaced = recordOrderPlaced;
        this.recordCancellation = recordCancellation;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventConsumer.consume(input, output, context, this::handle);
    }

    private Map<String, String> handle(IncomingEvent event) {
        OrderEventTranslator.requireSupported(event);
        Outcome outcome = switch (event.detailType()) {
            case "OrderPlaced" -> recordOrderPlaced.handle(OrderEventTranslator.orderPlaced(event));
            case "OrderCancelled" -> recordCancellation.handle(OrderEventTranslator.orderCancelled(event));
            default -> throw new MalformedEventException("detail-type " + event.detailType() + " is not handled here");
        };
        return Map.of("outcome", outcome.name());
    }
}
