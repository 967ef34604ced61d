package shop.order.handler;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import shop.platform.priming.PrimingContext;

/** SnapStart priming of the order API: a read the API refuses (404); it writes and publishes nothing. */
final class OrderPriming {

    private OrderPriming() {
    }

    /** The whole API path: GET of an order that does not exist (404), through the handler itself. */
    static void getMissingOrder(RequestStreamHandler api) {
        try {
            api.handleRequest(new ByteArrayInputStream(GET_MISSING_ORDER.getBytes(StandardCharsets.UTF_8)),
                    OutputStream.nullOutputStream(), new PrimingContext());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String GET_MISSING_ORDER = """
            {"version":"2.0","routeKey":"GET /orders/{orderId}","rawPath":"/orders/00000000-0000-0000-0000-000000000000",
             "rawQueryString":"","headers":{"accept":"application/json"},
             "pathParameters":{"orderId":"00000000-0000-0000-0000-000000000000"},
             "requestContext":{"accountId":"000000000000","apiId":"priming","http":{"method":"GET",
               "path":"/orders/00000000-0000-0000-0000-000000000000","protocol":"HTTP/1.1","sourceIp":"127.0.0.1","userAgent":"priming"},
               "requestId":"priming","routeKey":"GET /orders/{orderId}","stage":"$default","timeEpoch":0,
               "authorizer":{"jwt":{"claims":{"sub":"priming"},"scopes":[]}}},
             "isBase64Encoded":false}
            """;
}
