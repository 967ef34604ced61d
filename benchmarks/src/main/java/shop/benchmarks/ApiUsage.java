package shop.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the functions ask of DynamoDB, EventBridge, SES and SQS, counted on the wire: one small HTTP proxy per function,
 * named to that function's JVM as its {@code AWS_ENDPOINT_URL_<SERVICE>} (the functions stay as deployed), forwarding
 * every call to local-cloud's part for that service. It counts calls per operation, PutEvents entries, and DynamoDB
 * write and read units per item as DynamoDB bills them ({@link ItemSize}): a write's item is read back from the local
 * DynamoDB before and after it (calls the functions do not see and that are not counted).
 */
final class ApiUsage implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding");
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, HttpServer> servers = new TreeMap<>();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> writeUnitsByItem = new ConcurrentHashMap<>();
    private final Map<String, Integer> itemBytes = new ConcurrentHashMap<>();
    private final Map<String, List<String>> keySchemas = new ConcurrentHashMap<>();
    private volatile Map<String, String> upstream = Map.of();
    /** The last DynamoDB request's signature headers, which the harness's own reads reuse (the local DynamoDB wants them well formed). */
    private volatile Map<String, String> signature = Map.of();

    /** One proxy per function, on a free port of the loopback interface. */
    ApiUsage(List<String> functionIds) throws IOException {
        for (String functionId : functionIds) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.createContext("/", exchange -> handle(functionId, exchange));
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            servers.put(functionId, server);
        }
    }

    /** The endpoint a function's SDK should call: its own proxy. */
    String endpointOf(String functionId) {
        return "http://127.0.0.1:" + servers.get(functionId).getAddress().getPort();
    }

    /** Where each service really is (local-cloud's SdkEndpoints.byService()); until then every call answers 503. */
    void forwardTo(Map<String, String> byService) {
        upstream = Map.copyOf(byService);
    }

    /** Every counter, by name ({@code Function dynamodb:PutItem}, {@code Function dynamodb:writeUnits}, ...). */
    Map<String, Long> counts() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** Write units each item took, by {@code table key}. */
    Map<String, Long> writeUnitsByItem() {
        Map<String, Long> copy = new TreeMap<>();
        writeUnitsByItem.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    private void count(String functionId, String what, long n) {
        counts.computeIfAbsent(functionId + " " + what, k -> new LongAdder()).add(n);
    }

    private void handle(String functionId, HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String path = exchange.getRequestURI().getRawPath();
            String service = service(target, path, exchange.getRequestHeaders().getFirst("Content-Type"));
            if (!upstream.containsKey(service)) {
                reply(exchange, 503, new byte[0], Map.of());
                return;
            }
            String operation = target != null && target.contains(".") ? target.substring(target.indexOf('.') + 1)
                    : exchange.getRequestMethod() + " " + path;
            JsonNode request = "DYNAMODB".equals(service) || "EVENTBRIDGE".equals(service) ? parse(body) : null;
            if ("DYNAMODB".equals(service)) {
                Map<String, String> signed = new TreeMap<>();
                for (String name : List.of("Authorization", "X-Amz-Date", "X-Amz-Security-Token")) {
                    String value = exchange.getRequestHeaders().getFirst(name);
                    if (value != null) {
                        signed.put(name, value);
                    }
                }
                signature = signed;
            }
            Map<String, Integer> before = "DYNAMODB".equals(service) ? sizesBefore(operation, request) : Map.of();
            HttpResponse<byte[]> response = forward(exchange, service, body);
            count(functionId, service.toLowerCase(Locale.ROOT) + ":" + operation, 1);
            if ("EVENTBRIDGE".equals(service) && "PutEvents".equals(operation)) {
                count(functionId, "events:entries", request.path("Entries").size());
            }
            if ("DYNAMODB".equals(service)) {
                account(functionId, operation, request, response, before);
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(response.headers().map());
            reply(exchange, response.statusCode(), response.body(), headers);
        } catch (IOException e) {
            // a call the harness could not count is a run to throw away: the report prints this count
            count(functionId, "harness:errors", 1);
            System.err.println("capacity proxy for " + functionId + ": " + e);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static String service(String target, String path, String contentType) {
        if (target != null) {
            return target.startsWith("DynamoDB_") ? "DYNAMODB" : target.startsWith("AWSEvents.") ? "EVENTBRIDGE"
                    : target.startsWith("AmazonSQS.") ? "SQS" : "UNKNOWN";
        }
        if (path.startsWith("/v2/email")) {
            return "SESV2";
        }
        return contentType != null && contentType.startsWith("application/x-www-form-urlencoded") ? "SQS" : "UNKNOWN";
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, String service, byte[] body) throws IOException, InterruptedException {
        URI uri = URI.create(upstream.get(service).replaceAll("/$", "") + exchange.getRequestURI().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void reply(HttpExchange exchange, int status, byte[] body, Map<String, List<String>> headers) throws IOException {
        headers.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !":status".equals(name)) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        });
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The items a write names, each with its size before the write (read from the local DynamoDB when not yet known). */
    private Map<String, Integer> sizesBefore(String operation, JsonNode request) throws IOException, InterruptedException {
        Map<String, Integer> sizes = new TreeMap<>();
        for (Written item : written(operation, request)) {
            Integer known = itemBytes.get(item.id());
            sizes.put(item.id(), known != null ? known : ItemSize.of(read(item.table(), item.key())));
        }
        return sizes;
    }

    private void account(String functionId, String operation, JsonNode request, HttpResponse<byte[]> response, Map<String, Integer> before)
            throws IOException, InterruptedException {
        boolean ok = response.statusCode() == 200;
        JsonNode answer = parse(response.body());
        if (WRITES.contains(operation) || "TransactWriteItems".equals(operation)) {
            boolean transactional = "TransactWriteItems".equals(operation);
            if (!ok) {
                count(functionId, "dynamodb:refused " + operation, 1);
            }
            for (Written item : written(operation, request)) {
                int old = before.getOrDefault(item.id(), 0);
                int now = old;
                if (ok) {
                    now = "DeleteItem".equals(operation) || item.deleted() ? 0 : ItemSize.of(read(item.table(), item.key()));
                    itemBytes.put(item.id(), now);
                }
                // a refused single-item write is billed too (at the item's size); a cancelled transaction is counted above only
                if (ok || !transactional) {
                    int units = ItemSize.writeUnits(old, now, transactional);
                    count(functionId, "dynamodb:writeUnits", units);
                    writeUnitsByItem.computeIfAbsent(item.id(), k -> new LongAdder()).add(units);
                }
            }
        } else if (ok) {
            count(functionId, "dynamodb:halfReadUnits", halfReadUnits(operation, request, answer));
        }
    }

    /**
     * Read units of an answered read, counted in halves: DynamoDB bills a strongly consistent read of up to 4 KB one unit
     * and an eventually consistent one half a unit.
     */
    private static long halfReadUnits(String operation, JsonNode request, JsonNode answer) {
        List<JsonNode> items = new ArrayList<>();
        boolean consistent = request.path("ConsistentRead").asBoolean(false);
        switch (operation) {
            case "GetItem" -> items.add(answer.path("Item"));
            case "BatchGetItem" -> {
                answer.path("Responses").forEach(table -> table.forEach(items::add));
                consistent = request.path("RequestItems").elements().hasNext()
                        && request.path("RequestItems").elements().next().path("ConsistentRead").asBoolean(false);
            }
            case "Query", "Scan" -> {
                int bytes = 0;
                for (JsonNode item : answer.path("Items")) {
                    bytes += ItemSize.of(item);
                }
                long units = Math.max(1, (bytes + 4095) / 4096);
                return consistent ? 2 * units : units;
            }
            default -> {
                return 0;
            }
        }
        long units = 0;
        for (JsonNode item : items) {
            units += Math.max(1, (ItemSize.of(item) + 4095) / 4096);
        }
        return consistent ? 2 * units : units;
    }

    private record Written(String table, ObjectNode key, boolean deleted) {
        String id() {
            return table + " " + key.toString();
        }
    }

    private List<Written> written(String operation, JsonNode request) throws IOException, InterruptedException {
        List<Written> items = new ArrayList<>();
        if (WRITES.contains(operation)) {
            String table = request.path("TableName").asText();
            JsonNode source = "PutItem".equals(operation) ? request.path("Item") : request.path("Key");
            items.add(new Written(table, key(table, source), "DeleteItem".equals(operation)));
        } else if ("TransactWriteItems".equals(operation)) {
            for (JsonNode action : request.path("TransactItems")) {
                String kind = action.properties().iterator().next().getKey();
                JsonNode body = action.path(kind);
                String table = body.path("TableName").asText();
                items.add(new Written(table, key(table, "Put".equals(kind) ? body.path("Item") : body.path("Key")), "Delete".equals(kind)));
            }
        }
        return items;
    }

    private ObjectNode key(String table, JsonNode item) throws IOException, InterruptedException {
        List<String> names = keySchemas.get(table);
        if (names == null) {
            names = new ArrayList<>();
            for (JsonNode element : call("DescribeTable", JSON.createObjectNode().put("TableName", table)).path("Table").path("KeySchema")) {
                names.add(element.path("AttributeName").asText());
            }
            keySchemas.put(table, names);
        }
        ObjectNode key = JSON.createObjectNode();
        for (String name : names) {
            key.set(name, item.path(name));
        }
        return key;
    }

    private JsonNode read(String table, ObjectNode key) throws IOException, InterruptedException {
        ObjectNode get = JSON.createObjectNode().put("TableName", table).put("ConsistentRead", true);
        get.set("Key", key);
        return call("GetItem", get).path("Item");
    }

    private JsonNode call(String operation, ObjectNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream.get("DYNAMODB")))
                .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        signature.forEach(request::header);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(operation + " answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return parse(response.body());
    }

    private static JsonNode parse(byte[] body) throws IOException {
        return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    }

    @Override
    public void close() {
        servers.values().forEach(s -> s.stop(0));
    }
}
