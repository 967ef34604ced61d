package shop.packaging.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.packaging.application.ShipParcel;
import shop.packaging.application.ShipParcelCommand;
import shop.packaging.domain.OrderId;
import shop.platform.events.EventFields;
import shop.platform.events.MalformedEventException;
import shop.platform.json.Json;
import shop.platform.logging.LambdaLogging;
import shop.platform.priming.Priming;

/**
 * The warehouse's ship action, invoked directly (by a warehouse tool, an operator, a test or {@code local-cloud
 * invoke}) with {@code {"orderId", "carrier", "trackingNumber"}}. Answers {@code {"outcome", "parcelId", "status"}}
 * and, when it refuses, a {@code detail} saying why; a request it cannot read fails the invocation with the reason.
 */
public final class ShipParcelHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ShipParcelHandler.class);

    private final ShipParcel shipParcel;

    /** Used by Lambda: clients are built once, at init. */
    public ShipParcelHandler() {
        this(Wiring.shipParcel());
        Priming.register("package ship action", Wiring::primePublishingClients);
    }

    public ShipParcelHandler(ShipParcel shipParcel) {
        this.shipParcel = shipParcel;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] request = input.readAllBytes();
        String correlationId = UUID.randomUUID().toString();
        ObjectNode answer = LambdaLogging.withCorrelationId(context, correlationId, () -> {
            ShipParcelCommand command = command(request, correlationId);
            ShipParcel.Result result;
            try {
                result = shipParcel.handle(command);
            } catch (IllegalArgumentException invalid) {
                // the domain's refusal (Shipment: carrier, trackingNumber) names the field and its limit, never the value
                throw rejected(new MalformedEventException("request is invalid: " + invalid.getMessage()));
            }
            LOG.atInfo().addKeyValue("outcome", result.outcome()).addKeyValue("order_id", command.orderId().value())
                    .log("ship parcel of order {}: {}", command.orderId(), result.outcome());
            return ShipAnswers.of(command.orderId(), result);
        });
        output.write(Json.bytes(answer));
    }

    private static ShipParcelCommand command(byte[] request, String correlationId) {
        try {
            EventFields body = EventFields.of(Json.read(request), "request");
            OrderId orderId = OrderEventTranslator.orderId(body);
            return new ShipParcelCommand(orderId, body.text("carrier"), body.text("trackingNumber"), correlationId);
        } catch (JacksonException e) {
            throw rejected(new MalformedEventException("request is not valid JSON"));
        } catch (MalformedEventException e) {
            throw rejected(e);
        } catch (IOException e) {
            throw rejected(new MalformedEventException("request could not be read"));
        }
    }

    private static MalformedEventException rejected(MalformedEventException e) {
        LOG.atError().addKeyValue("reject_reason", e.getMessage()).log("rejected ship request: {}", e.getMessage());
        return e;
    }
}
