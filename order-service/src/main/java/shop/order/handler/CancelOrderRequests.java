package shop.order.handler;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Set;
import shop.order.application.CancelOrderCommand;
import shop.order.domain.CancellationReason;
import shop.order.domain.CustomerId;
import shop.order.domain.OrderId;

/** Turns a {@code POST /orders/{orderId}/cancel} request into a CancelOrderCommand, or refuses it. */
final class CancelOrderRequests {

    private static final Set<String> REASONS = Set.copyOf(Arrays.stream(CancellationReason.values()).map(Enum::name).toList());

    private CancelOrderRequests() {
    }

    static CancelOrderCommand decode(ApiRequest request, CustomerId customer, OrderId orderId) {
        JsonNode body = JsonBodies.readObject(request);
        JsonBodies.Checker check = new JsonBodies.Checker();
        check.onlyKnownFields(body, "", Set.of("reason"));
        String reason = check.text(body, "", "reason", 40, true);
        if (reason != null && !REASONS.contains(reason)) {
            check.fail("reason", "must be one of " + String.join(", ", new java.util.TreeSet<>(REASONS)));
        }
        check.throwIfFailed();
        return new CancelOrderCommand(customer, orderId, CancellationReason.valueOf(reason), request.correlationId());
    }
}
