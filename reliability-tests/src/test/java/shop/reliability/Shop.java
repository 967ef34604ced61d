package shop.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The order API over HTTP, as a customer (or an attacker) calls it: local-cloud's identity header stands for the JWT. */
final class Shop {

    /** Status, Content-Type and body of an answer. */
    record Reply(int status, String contentType, String text) {

        JsonNode json() {
            try {
                return text.isEmpty() ? Scenario.JSON.createObjectNode() : Scenario.JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        String orderId() {
            return json().path("orderId").asText();
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;

    Shop(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static String orderBody(String email, List<Workload.Line> lines) {
        StringBuilder json = new StringBuilder();
        for (Workload.Line line : lines) {
            json.append(json.length() == 0 ? "" : ",").append("{\"sku\":\"").append(line.sku()).append("\",\"quantity\":")
                    .append(line.quantity()).append('}');
        }
        return "{\"lines\":[" + json + "],\"shippingAddress\":{\"name\":\"" + Workload.NAME + "\",\"line1\":\"" + Workload.STREET
                + "\",\"city\":\"" + Workload.CITY + "\",\"postalCode\":\"" + Workload.POSTAL_CODE + "\",\"country\":\"DE\"},"
                + "\"contactEmail\":\"" + email + "\"}";
    }

    Reply place(String customer, String body) {
        return send("POST", "/orders", Map.of("X-Local-Customer", customer, "Content-Type", "application/json"), body.getBytes());
    }

    /** Places with an Idempotency-Key, retrying a 5xx (a timed-out cold start) as a client should: at most once more each. */
    Reply placeRetrying(String customer, String body, String idempotencyKey, int attempts) {
        Reply reply = null;
        for (int i = 0; i < attempts && (reply == null || reply.status() >= 500); i++) {
            reply = send("POST", "/orders", Map.of("X-Local-Customer", customer, "Content-Type", "application/json",
                    "Idempotency-Key", idempotencyKey), body.getBytes());
        }
        return reply;
    }

    Reply cancel(String customer, String orderId, String reason) {
        return send("POST", "/orders/" + orderId + "/cancel", Map.of("X-Local-Customer", customer, "Content-Type", "application/json"),
                ("{\"reason\":\"" + reason + "\"}").getBytes());
    }

    Reply get(String customer, String orderId) {
        return send("GET", "/orders/" + orderId, Map.of("X-Local-Customer", customer), null);
    }

    /** Any request: method, raw path (and query), headers, body bytes (null: none). */
    Reply send(String method, String rawPath, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + rawPath)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + rawPath + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
