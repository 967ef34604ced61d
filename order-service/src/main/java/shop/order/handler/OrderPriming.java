package shop.order.handler;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import shop.platform.events.IncomingEvent;
import shop.platform.priming.PrimingContext;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** SnapStart priming steps of the order functions: each reads, decodes or is refused; none writes or publishes anything. */
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

    /** EventBridge: PutEvents with no entries, which the service refuses, so signing and HTTP run and nothing is put. */
    static void publishNothing(EventBridgeClient events) {
        try {
            events.putEvents(r -> r.entries(List.of()));
        } catch (SdkServiceException refused) {
            // expected: at least one entry is required
        }
    }

    /**
     * A valid StockReserved as the order consumer receives it, with ids no real order has (all-zero UUIDs), for the
     * translator's decoding path only: priming never runs a use case on it.
     */
    static IncomingEvent stockReserved() {
        return IncomingEvent.read(new ByteArrayInputStream(STOCK_RESERVED.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String STOCK_RESERVED = """
            {"version":"0","id":"00000000-0000-0000-0000-000000000000","detail-type":"StockReserved","source":"shop.inventory",
             "account":"000000000000","time":"2026-01-01T00:00:00Z","region":"eu-west-1","resources":[],
             "detail":{"metadata":{"eventId":"00000000-0000-0000-0000-000000000000","eventType":"StockReserved",
               "schemaVersion":"1.0","occurredAt":"2026-01-01T00:00:00Z","correlationId":"priming","producer":"inventory-service"},
               "data":{"orderId":"00000000-0000-0000-0000-000000000000","reservedAt":"2026-01-01T00:00:00Z",
               "lines":[{"sku":"PRIMING","quantity":1}]}}}
            """;

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
