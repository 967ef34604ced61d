package shop.localparts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The front's HTTP leg to the dynalite behind it: requests forwarded as they came, and the front's own single-item calls. */
final class DynaliteWire {

    /** Headers the JDK's HttpClient sets itself (and refuses to be given), or that describe one hop only. */
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive", "date");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final Map<String, List<String>> keySchemas = new ConcurrentHashMap<>();

    DynaliteWire(String endpoint) {
        this.endpoint = URI.create(endpoint);
    }

    /** A client's request, passed on unchanged: dynalite sees what the client sent, the client gets what dynalite said. */
    Answer forward(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return send(request.build());
    }

    /** One of the front's own calls ({@code PutItem}, {@code BatchGetItem}, ...), signed just enough for dynalite to accept it. */
    Answer call(String operation, JsonNode body) {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(AMZ_DATE);
        try {
            return send(HttpRequest.newBuilder(endpoint.resolve("/"))
                    .header("Content-Type", Answer.CONTENT_TYPE)
                    .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                    .header("X-Amz-Date", date)
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/" + date.substring(0, 8)
                            + "/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Answer.JSON.writeValueAsBytes(body))).build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #call}, and a {@link Refusal} carrying dynalite's error when it did not succeed. */
    JsonNode require(String operation, JsonNode body) {
        Answer answer = call(operation, body);
        if (!answer.succeeded()) {
            throw new Refusal(answer);
        }
        return answer.json();
    }

    /** The names of a table's key attributes (hash first), from DescribeTable once per table. */
    List<String> keyAttributes(String table) {
        List<String> known = keySchemas.get(table);
        if (known != null) {
            return known;
        }
        JsonNode schema = require("DescribeTable", Answer.JSON.createObjectNode().put("TableName", table))
                .path("Table").path("KeySchema");
        List<String> names = new ArrayList<>();
        schema.forEach(k -> names.add("HASH".equals(k.path("KeyType").asText()) ? 0 : names.size(), k.path("AttributeName").asText()));
        keySchemas.put(table, List.copyOf(names));
        return names;
    }

    /** A table deleted (and perhaps created again with other keys): forget what was cached about it. */
    void forget(String table) {
        keySchemas.remove(table);
    }

    /** The key of {@code item} in {@code table}: only the key attributes, in the schema's order. */
    ObjectNode keyOf(String table, JsonNode item) {
        ObjectNode key = Answer.JSON.createObjectNode();
        for (String name : keyAttributes(table)) {
            JsonNode value = item.get(name);
            if (value == null) {
                throw Refusal.validation("One of the required keys was not given a value");
            }
            key.set(name, value);
        }
        return key;
    }

    /** A text that is equal for two keys exactly when they name the same item. */
    static String identity(String table, ObjectNode key) {
        Map<String, String> sorted = new TreeMap<>();
        key.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().toString()));
        return table + "\u0000" + sorted;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    headers.put(name, values);
                }
            });
            return new Answer(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("dynalite at " + endpoint + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for dynalite", e);
        }
    }
}
