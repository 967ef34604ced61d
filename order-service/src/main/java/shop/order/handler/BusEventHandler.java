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
import shop.order.application.ShipOrder;
import shop.platform.events.EventConsumer;
import shop.platform.events.IncomingEvent;
import shop.platform.events.Subscription;
import shop.platform.priming.Priming;

/**
 * The order context's EventBridge target, for what happens to an order after it is placed: inventory's
 * StockReserved confirms it, StockShortage rejects it, package's ParcelShipped ships it (or, if it was cancelled
 * meanwhile, records that a return is expected). Writes {@code {"outcome": ..., "status": ...}}; an event it cannot
 * read, or one for an order it does not have, fails the invocation (retries, then the DLQ with the reason).
 */
public final class BusEventHandler implements RequestStreamHandler {

    /** Inventory's decisions and package's shipments, each of schema major 1. */
    static final Subscription SUBSCRIPTION = Subscription
            .to(InventoryEventTranslator.SOURCE, 1, InventoryEventTranslator.STOCK_RESERVED, InventoryEventTranslator.STOCK_SHORTAGE)
            .and(PackageEventTranslator.SOURCE, 1, PackageEventTranslator.PARCEL_SHIPPED);

    private final ConfirmOrder confirmOrder;
    private final RejectOrder rejectOrder;
    private final ShipOrder shipOrder;

    /** Used by Lambda: clients are built once, at init. */
    public BusEventHandler() {
        this(Wiring.confirmOrder(), Wiring.rejectOrder(), Wiring.shipOrder());
        Priming.register("order consumer", () -> {
            Wiring.primeClients();
            InventoryEventTranslator.stockReserved(SUBSCRIPTION.check(primingSample()));
        });
    }

    public BusEventHandler(ConfirmOrder confirmOrder, RejectOrder rejectOrder, ShipOrder shipOrder) {
        this.confirmOrder = confirmOrder;
        this.rejectOrder = rejectOrder;
        this.shipOrder = shipOrder;
    }

    /** A StockReserved for an order no one has (all-zero ids), for the decoding path only: never handed to a use case. */
    static IncomingEvent primingSample() {
        return Priming.sampleEvent(BusEventHandler.class, "/priming/StockReserved.json");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventConsumer.consume(input, output, context, this::handle);
    }

    private ObjectNode handle(IncomingEvent event) {
        SUBSCRIPTION.check(event);
        OrderOutcome outcome;
        if (Subscription.is(event, PackageEventTranslator.SOURCE, PackageEventTranslator.PARCEL_SHIPPED)) {
            outcome = shipOrder.handle(PackageEventTranslator.parcelShipped(event));
        } else if (Subscription.is(event, InventoryEventTranslator.SOURCE, InventoryEventTranslator.STOCK_RESERVED)) {
            outcome = confirmOrder.handle(InventoryEventTranslator.stockReserved(event));
        } else {
            outcome = rejectOrder.handle(InventoryEventTranslator.stockShortage(event));
        }
        return EventConsumer.answer(outcome.kind().name()).put("status", outcome.status().name());
    }
}
