package shop.packaging.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.packaging.application.PackageOutcome;
import shop.packaging.application.ShipParcel;
import shop.packaging.domain.OrderId;
import shop.platform.events.MalformedEventException;
import shop.platform.json.Json;
import shop.platform.logging.LambdaLogging;

/**
 * Marks an order's parcel shipped, invoked directly with {@code {"orderId": "..."}} (by the warehouse, a test or
 * {@code local-cloud invoke}). Answers {@code {"outcome": "SHIPPED" | "ALREADY_SHIPPED" | "NOT_SHIPPABLE" | "NOT_FOUND"}}.
 */
public final class ShipParcelHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ShipParcelHandler.class);

    private final ShipParcel shipParcel;

    public ShipParcelHandler() {
        this(Wiring.shipParcel());
    }

    public ShipParcelHandler(ShipParcel shipParcel) {
        this.shipParcel = shipParcel;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] request = input.readAllBytes();
        PackageOutcome outcome = LambdaLogging.withCorrelationId(context, UUID.randomUUID().toString(), () -> {
            OrderId orderId = orderId(request);
            PackageOutcome result = shipParcel.handle(orderId);
            LOG.atInfo().addKeyValue("outcome", result).addKeyValue("order_id", orderId.value())
                    .log("ship parcel of order {}: {}", orderId, result);
            return result;
        });
        output.write(Json.bytes(Json.object().put("outcome", outcome.name())));
    }

    private static OrderId orderId(byte[] request) {
        try {
            JsonNode body = Json.read(request);
            if (body == null || !body.isObject()) {
                throw new MalformedEventException("request is not a JSON object");
            }
            return OrderEventTranslator.orderId(body, "request");
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
