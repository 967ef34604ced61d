package shop.localcloud.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import shop.localcloud.common.UserError;

/** Calls the order API over HTTP as a given customer, as a user of local-cloud would with curl. */
public final class ShopClient {

    /** A status code and the parsed JSON body. */
    record Reply(int status, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    ShopClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static String orderBody(String email, String... skuQuantity) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < skuQuantity.length; i += 2) {
            lines.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(skuQuantity[i]).append("\",\"quantity\":")
                    .append(skuQuantity[i + 1]).append('}');
        }
        return "{\"lines\":[" + lines + "],\"shippingAddress\":{\"name\":\"Demo Customer\",\"line1\":\"1 Example Street\","
                + "\"city\":\"Berlin\",\"postalCode\":\"10115\",\"country\":\"DE\"},\"contactEmail\":\"" + email + "\"}";
    }

    Reply place(String customer, String body) {
        return send(customer, HttpRequest.newBuilder(URI.create(baseUrl + "/orders")).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply cancel(String customer, String orderId, String reason) {
        return send(customer, HttpRequest.newBuilder(URI.create(baseUrl + "/orders/" + orderId + "/cancel"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"" + reason + "\"}")));
    }

    Reply get(String customer, String orderId) {
        return send(customer, HttpRequest.newBuilder(URI.create(baseUrl + "/orders/" + orderId)).GET());
    }

    private Reply send(String customer, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("X-Local-Customer", customer)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new UserError("the HTTP API at " + baseUrl + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted");
        }
    }
}
