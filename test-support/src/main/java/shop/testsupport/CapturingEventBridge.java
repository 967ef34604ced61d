package shop.testsupport;

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
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import shop.localparts.LocalAwsClients;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * An EventBridge endpoint on loopback that speaks {@code PutEvents} (JSON 1.1 protocol) and records what it
 * accepts. Tests make it fail whole calls (HTTP 500) or single entries ({@code FailedEntryCount > 0} in a
 * 200 response), the two ways the real service fails a publisher; like the service, it refuses a call of more
 * than 10 entries.
 *
 * <p>As a JUnit extension on a static field ({@code @RegisterExtension static final CapturingEventBridge bus = new
 * CapturingEventBridge();}) it runs from before the class's first test to after its last, and every test starts with
 * an empty bus that fails nothing; {@link #client()} is a client of it without SDK retries. {@link #start()} runs one
 * outside JUnit's lifecycle.
 */
public final class CapturingEventBridge implements AutoCloseable, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** One accepted entry, as the bus received it. */
    public record CapturedEvent(String eventId, String busName, String source, String detailType, JsonNode detail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** PutEvents takes at most 10 entries per call (EventBridge API reference, PutEvents: Entries). */
    private static final int MAX_ENTRIES = 10;

    private HttpServer server;
    private EventBridgeClient client;
    /** {@code @Nested} classes inherit the extension and call it again: only the outermost class starts and stops. */
    private int depth;
    private final List<CapturedEvent> accepted = new ArrayList<>();
    private final AtomicInteger callsToFail = new AtomicInteger();
    private final AtomicInteger entriesToReject = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    /** For {@code @RegisterExtension}; started by JUnit. */
    public CapturingEventBridge() {
    }

    /** A bus started now, for a test that manages its lifecycle itself ({@link #close()} stops it). */
    public static CapturingEventBridge start() {
        CapturingEventBridge bus = new CapturingEventBridge();
        bus.bind();
        return bus;
    }

    private void bind() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "capturing-eventbridge");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the capturing EventBridge endpoint", e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (depth++ == 0) {
            bind();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        clear();
        failNextCalls(0);
        rejectNextEntries(0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--depth == 0) {
            close();
        }
    }

    /**
     * A client of this bus that makes each call once (see {@link LocalAwsClients#at}): the SDK's own retries would hide
     * the failures a test injects, and the publisher under test retries by itself. Closed with the bus.
     */
    public synchronized EventBridgeClient client() {
        if (client == null) {
            client = LocalAwsClients.at(EventBridgeClient.builder(), endpoint());
        }
        return client;
    }

    public String endpoint() {
        if (server == null) {
            throw new IllegalStateException("the capturing EventBridge is not running: register it on a static field with "
                    + "@RegisterExtension, or use CapturingEventBridge.start()");
        }
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
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}
