package shop.order.handler;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import shop.platform.priming.PrimingContext;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** SnapStart priming steps of the order functions: each reads or is refused, none writes or publishes anything. */
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

    /** DynamoDB: a read of a key no order has. */
    static void readNothing(DynamoDbClient dynamo, String ordersTable) {
        dynamo.getItem(r -> r.tableName(ordersTable).key(Map.of("pk", AttributeValue.fromS("#priming"))));
    }

    /** EventBridge: PutEvents with no entries, which the service refuses, so signing and HTTP run and nothing is put. */
    static void publishNothing(EventBridgeClient events) {
        try {
            events.putEvents(r -> r.entries(List.of()));
        } catch (SdkServiceException refused) {
            // expected: at least one entry is required
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
