package shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.inventory.application.InventoryOutcome;
import shop.inventory.application.ReleaseStock;
import shop.inventory.application.ReserveStock;
import shop.inventory.application.SettleStock;
import shop.inventory.domain.Sku;
import shop.platform.events.EventConsumer;
import shop.platform.events.IncomingEvent;
import shop.platform.events.Subscription;
import shop.platform.priming.Priming;

/**
 * The inventory's EventBridge target: OrderPlaced reserves stock (and publishes the decision, StockReserved or
 * StockShortage, once per order), OrderCancelled releases it, ParcelShipped (shop.packaging) settles it. Writes
 * {@code {"outcome": ...}}; an event it cannot read fails the invocation (retries, then the DLQ) after one log line.
 */
public final class BusEventHandler implements RequestStreamHandler {

    /**
     * Order's placements (major 2, which its rule asks for, and major 1, which the archive still holds) and
     * cancellations, and package's shipments, each of schema major 1.
     */
    static final Subscription SUBSCRIPTION = Subscription
            .to(OrderEventTranslator.SOURCE, 1, OrderEventTranslator.ORDER_PLACED, OrderEventTranslator.ORDER_CANCELLED)
            .and(OrderEventTranslator.SOURCE, 2, OrderEventTranslator.ORDER_PLACED)
            .and(PackageEventTranslator.SOURCE, 1, PackageEventTranslator.PARCEL_SHIPPED);

    private static final Logger LOG = LoggerFactory.getLogger(BusEventHandler.class);

    private final ReserveStock reserveStock;
    private final ReleaseStock releaseStock;
    private final SettleStock settleStock;

    /** Used by Lambda: clients are built once, at init. */
    public BusEventHandler() {
        this(Wiring.reserveStock(), Wiring.releaseStock(), Wiring.settleStock());
        Priming.register("inventory consumer", () -> {
            Wiring.primeClients();
            OrderEventTranslator.orderPlaced(SUBSCRIPTION.check(primingSample()));
        });
    }

    public BusEventHandler(ReserveStock reserveStock, ReleaseStock releaseStock, SettleStock settleStock) {
        this.reserveStock = reserveStock;
        this.releaseStock = releaseStock;
        this.settleStock = settleStock;
    }

    /** An OrderPlaced for an order no one has (all-zero ids), for the decoding path only: never handed to a use case. */
    static IncomingEvent primingSample() {
        return Priming.sampleEvent(BusEventHandler.class, "/priming/OrderPlaced.json");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventConsumer.consume(input, output, context, this::handle);
    }

    private ObjectNode handle(IncomingEvent event) {
        SUBSCRIPTION.check(event);
        InventoryOutcome outcome;
        if (Subscription.is(event, PackageEventTranslator.SOURCE, PackageEventTranslator.PARCEL_SHIPPED)) {
            outcome = settleStock.handle(PackageEventTranslator.parcelShipped(event));
        } else if (Subscription.is(event, OrderEventTranslator.SOURCE, OrderEventTranslator.ORDER_PLACED)) {
            outcome = reserveStock.handle(OrderEventTranslator.orderPlaced(event));
        } else {
            outcome = releaseStock.handle(OrderEventTranslator.orderCancelled(event));
        }
        if (outcome.kind() == InventoryOutcome.Kind.REJECTED_SHORT) {
            LOG.atWarn().addKeyValue("order_id", event.data().path("orderId").asText())
                    .addKeyValue("short_skus", outcome.shortSkus().stream().map(Sku::value).toList())
                    .log("{} {}: order rejected, stock short", event.detailType(), event.metadata().eventId());
        }
        ObjectNode answer = EventConsumer.answer(outcome.kind().name());
        outcome.shortSkus().forEach(sku -> answer.withArray("shortSkus").add(sku.value()));
        return answer;
    }
}
