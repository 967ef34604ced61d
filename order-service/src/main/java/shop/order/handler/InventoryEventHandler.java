package shop.order.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import shop.order.application.ConfirmOrder;
import shop.order.application.OrderOutcome;
import shop.order.application.RejectOrder;
import shop.platform.events.EventConsumer;
import shop.platform.events.IncomingEvent;
import shop.platform.events.Subscription;
import shop.platform.json.Json;
import shop.platform.priming.Priming;

/**
 * The order context's EventBridge target: inventory's StockReserved confirms a placed order, StockShortage rejects
 * it. Writes {@code {"outcome": ..., "status": ...}}; an event it cannot read, or one for an order it does not
 * have, fails the invocation (retries, then the DLQ with the reason).
 */
public final class InventoryEventHandler implements RequestStreamHandler {

    private final ConfirmOrder confirmOrder;
    private final RejectOrder rejectOrder;

    /** Used by Lambda: clients are built once, at init. */
    public InventoryEventHandler() {
        this(Wiring.confirmOrder(), Wiring.rejectOrder());
        Priming.register("order consumer", () -> {
            Wiring.primeClients();
            InventoryEventTranslator.stockReserved(InventoryEventTranslator.SUBSCRIPTION.check(OrderPriming.stockReserved()));
        });
    }

    public InventoryEventHandler(ConfirmOrder confirmOrder, RejectOrder rejectOrder) {
        this.confirmOrder = confirmOrder;
        this.rejectOrder = rejectOrder;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventConsumer.consume(input, output, context, this::handle);
    }

    private ObjectNode handle(IncomingEvent event) {
        InventoryEventTranslator.SUBSCRIPTION.check(event);
        OrderOutcome outcome = Subscription.is(event, InventoryEventTranslator.SOURCE, InventoryEventTranslator.STOCK_RESERVED)
                ? confirmOrder.handle(InventoryEventTranslator.stockReserved(event))
                : rejectOrder.handle(InventoryEventTranslator.stockShortage(event));
        return Json.object().put("outcome", outcome.kind().name()).put("status", outcome.status().name());
    }
}
