package shop.localparts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An EventBridge endpoint on loopback that speaks {@code PutEvents} (JSON 1.1 protocol) and records what it
 * accepts. Tests make it fail whole calls (HTTP 500) or single entries ({@code FailedEntryCount > 0} in a
 * 200 response), the two ways the real service fails a publisher; like the service, it refuses a call of more
 * than 10 entries.
 */
public final class CapturingEventBridge implements AutoCloseable {

    /** One accepted entry, as the bus received it. */
    public record CapturedEvent(String eventId, String busName, String source, String detailType, JsonNode detail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** PutEvents takes at most 10 entries per call (EventBridge API reference, PutEvents: Entries). */
    private static final int MAX_ENTRIES = 10;

    private final HttpServer server;
    private final List<CapturedEvent> accepted = new ArrayList<>();
    private final AtomicInteger callsToFail = new AtomicInteger();
    private final AtomicInteger entriesToReject = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    private CapturingEventBridge(HttpServer server) {
        this.server = server;
    }

    public static CapturingEventBridge start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            CapturingEventBridge bus = new CapturingEventBridge(server);
            server.createContext("/", bus::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "capturing-eventbridge");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return bus;
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the capturing EventBridge endpoint", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code count} PutEvents calls fail entirely with HTTP 500 InternalException. */
    public void failNextCalls(int count) {
        callsToFail.set(count);
    }

    /** The next {@code count} entries are rejected one by one inside otherwise successful responses. */
    public void rejectNextEntries(int count) {
        entriesToReject.set(count);
    }

    public synchronized List<CapturedEvent> events() {
        return List.copyOf(accepted);
    }

    public synchronized void clear() {
        accepted.clear();
        calls.set(0);
    }

    public int calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!"AWSEvents.PutEvents".equals(target)) {
            reply(exchange, 400, error("UnknownOperationException", "only PutEvents is served here, not " + target));
            return;
        }
        if (callsToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            reply(exchange, 500, error("InternalException", "injected failure"));
            return;
        }
        JsonNode request = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        if (request.path("Entries").size() > MAX_ENTRIES) {
            // as EventBridge: the whole call is refused, so a publisher that batches more than 10 fails here too
            reply(exchange, 400, error("ValidationException", "1 validation error detected: Value at 'entries' failed to "
                    + "satisfy constraint: Member must have length less than or equal to " + MAX_ENTRIES));
            return;
        }
        ObjectNode response = JSON.createObjectNode();
        ArrayNode results = response.putArray("Entries");
        int failed = 0;
        for (JsonNode entry : request.path("Entries")) {
            ObjectNode result = results.addObject();
            if (entriesToReject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                failed++;
                result.put("ErrorCode", "InternalFailure");
                result.put("ErrorMessage", "injected entry failure");
                continue;
            }
            String eventId = UUID.randomUUID().toString();
            result.put("EventId", eventId);
            synchronized (this) {
                accepted.add(new CapturedEvent(eventId, entry.path("EventBusName").asText(), entry.path("Source").asText(),
                        entry.path("DetailType").asText(), JSON.readTree(entry.path("Detail").asText())));
            }
        }
        response.put("FailedEntryCount", failed);
        reply(exchange, 200, response);
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("__type", type);
        error.put("message", message);
        return error;
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
