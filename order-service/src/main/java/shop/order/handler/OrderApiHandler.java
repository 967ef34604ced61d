package shop.order.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.order.application.CancelOrder;
import shop.order.application.GetOrder;
import shop.order.application.OrderProblems.IdempotencyKeyReused;
import shop.order.application.OrderProblems.OrderNotCancellable;
import shop.order.application.OrderProblems.OrderNotFound;
import shop.order.application.OrderProblems.UnknownSkus;
import shop.order.application.PlaceOrder;
import shop.order.application.PlaceOrderCommand;
import shop.order.domain.CustomerId;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.platform.events.UnsendableEventException;
import shop.platform.json.Json;
import shop.platform.logging.LambdaLogging;
import shop.platform.priming.Priming;
import shop.platform.text.Text;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The order API, one function for its three routes: one warm pool and one SnapStart snapshot serve all of
 * them, and a cancel right after a place finds the function already warm. Decodes, calls the use case,
 * encodes; every refusal is an {@code application/problem+json} 4xx.
 */
public final class OrderApiHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OrderApiHandler.class);

    private final PlaceOrder placeOrder;
    private final GetOrder getOrder;
    private final CancelOrder cancelOrder;

    public OrderApiHandler() {
        this(Wiring.Clients.CONFIG, Wiring.Clients.DYNAMO, Wiring.Clients.EVENTS, Clock.systemUTC());
        Priming.register("order API", () -> {
            Wiring.primeClients();
            OrderPriming.getMissingOrder(this);
        });
    }

    public OrderApiHandler(Wiring.Config config, DynamoDbClient dynamo, EventBridgeClient events, Clock clock) {
        this.placeOrder = Wiring.placeOrder(config, dynamo, events, clock);
        this.getOrder = Wiring.getOrder(config, dynamo);
        this.cancelOrder = Wiring.cancelOrder(config, dynamo, events, clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ApiRequest request;
        try {
            request = ApiRequest.from(Json.read(input));
        } catch (JacksonException e) {
            output.write(BadRequest.response(400, "Malformed request", "the event is not an HTTP API request", null, List.of()).toBytes());
            return;
        }
        ApiResponse response = LambdaLogging.withCorrelationId(context, request.correlationId(), () -> answer(request));
        output.write(response.withHeader("X-Correlation-Id", request.correlationId()).toBytes());
    }

    private ApiResponse answer(ApiRequest request) {
        String instance = request.requestId().isEmpty() ? null : "urn:request:" + request.requestId();
        try {
            return route(request);
        } catch (BadRequest.Problem problem) {
            LOG.info("request refused with {}: {}", problem.status(), problem.getMessage());
            return problem.toResponse(instance);
        } catch (OrderNotFound e) {
            return BadRequest.response(404, "Order not found", "there is no such order for this customer", instance, List.of());
        } catch (OrderNotCancellable e) {
            return BadRequest.response(409, "Order not cancellable", e.getMessage(), instance,
                    List.of(new BadRequest.FieldError("status", "is " + e.status().name())));
        } catch (IdempotencyKeyReused e) {
            return BadRequest.response(422, "Idempotency key reused", e.getMessage(), instance,
                    List.of(new BadRequest.FieldError("header:Idempotency-Key", "was used for a different request in the last 24 hours")));
        } catch (UnsendableEventException e) {
            // the API's checks let through what the event's schema refuses: refused whole, and a bug to fix (logged as one)
            LOG.error("request refused: its event would break the published schema: {}", e.violations());
            return BadRequest.response(422, "Unprocessable order", "the order cannot be published as its event", instance,
                    e.violations().stream().map(v -> new BadRequest.FieldError("event:" + v.substring(0, v.indexOf(':')),
                            v.substring(v.indexOf(':') + 2))).toList());
        } catch (RuntimeException e) {
            LOG.error("request failed", e);
            return BadRequest.response(500, "Internal error", "the order service failed; retry with the same Idempotency-Key",
                    instance, List.of());
        }
    }

    private ApiResponse route(ApiRequest request) {
        CustomerId customer = customer(request);
        return switch (request.routeKey()) {
            case "POST /orders" -> place(request, customer);
            case "GET /orders/{orderId}" -> ApiResponse.json(200, OrderJson.of(getOrder.get(customer, orderId(request))));
            case "POST /orders/{orderId}/cancel" -> ApiResponse.json(200,
                    OrderJson.of(cancelOrder.cancel(CancelOrderRequests.decode(request, customer, orderId(request)))));
            default -> throw new BadRequest.Problem(404, "Not found", "no route " + request.routeKey(), null);
        };
    }

    private ApiResponse place(ApiRequest request, CustomerId customer) {
        PlaceOrderCommand command = PlaceOrderRequests.decode(request, customer);
        try {
            PlaceOrder.Placed placed = placeOrder.place(command);
            Order order = placed.order();
            return ApiResponse.json(201, OrderJson.of(order)).withHeader("Location", "/orders/" + order.id().value());
        } catch (UnknownSkus e) {
            List<BadRequest.FieldError> errors = IntStream.range(0, command.lines().size())
                    .filter(i -> e.skus().contains(command.lines().get(i).sku().value()))
                    .mapToObj(i -> new BadRequest.FieldError("lines[" + i + "].sku", "is not on the price list"))
                    .toList();
            throw new BadRequest.Problem(422, "Unknown sku", "some skus are not on the price list", errors);
        }
    }

    private static CustomerId customer(ApiRequest request) {
        try {
            return request.customerId().filter(Text::carriable).map(CustomerId::new)
                    .orElseThrow(() -> new BadRequest.Problem(401, "Unauthorized", "a valid bearer token is required", null));
        } catch (IllegalArgumentException e) {
            throw new BadRequest.Problem(401, "Unauthorized", "the token's subject is not usable", null);
        }
    }

    private static OrderId orderId(ApiRequest request) {
        try {
            return new OrderId(request.pathParameters().get("orderId"));
        } catch (IllegalArgumentException e) {
            throw new OrderNotFound(String.valueOf(request.pathParameters().get("orderId")));
        }
    }
}
