package shop.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A corpus of requests the order API must refuse with a 4xx problem (and never a 5xx), generated so it is easy to
 * extend. Families: a valid place-order body with one field removed, retyped, or given a value out of range or an
 * injection string (in every field); extra fields a client must not set (customerId, prices, status); wrong JSON
 * (not an object, truncated, huge, deeply nested, invalid UTF-8); wrong content types; bad cancel bodies; unknown
 * routes and methods. Every request carries a valid identity, so it is the input that is refused, not the caller.
 */
final class MalformedRequests {

    /** One request: a name for failure messages, method, raw path, headers and body (null: none). */
    record Request(String name, String method, String path, Map<String, String> headers, byte[] body) {
    }

    static final String CUSTOMER = "mallory";
    private static final Map<String, String> JSON_HEADERS = Map.of("X-Local-Customer", CUSTOMER, "Content-Type", "application/json");
    private static final String LINE = "{\"sku\":\"SKU-1\",\"quantity\":1}";
    private static final String ADDRESS = "{\"name\":\"M\",\"line1\":\"1 Road\",\"city\":\"Berlin\",\"postalCode\":\"10115\",\"country\":\"DE\"}";

    /** Values that must be refused wherever a string, a number or an object is expected. */
    private static final List<String> BAD_VALUES = List.of("null", "true", "42", "-1", "0", "1.5", "1e400", "99999999999999999999",
            "\"\"", "\" \"", "[]", "{}", "\"x\"", "\"' OR '1'='1\"", "\"<script>alert(1)</script>\"", "\"${jndi:ldap://x/a}\"",
            "\"../../etc/passwd\"", "\"" + "A".repeat(5000) + "\"", "\"\\u0000\"", "[\"SKU-1\"]");

    private MalformedRequests() {
    }

    static List<Request> corpus() {
        List<Request> corpus = new ArrayList<>();
        String[] orderFields = {"lines", "shippingAddress", "contactEmail"};
        for (String field : orderFields) {
            corpus.add(place("missing " + field, order(field, null)));
            for (String bad : BAD_VALUES) {
                corpus.add(place(field + " = " + clip(bad), order(field, bad)));
            }
        }
        for (String field : new String[] {"sku", "quantity"}) {
            for (String bad : BAD_VALUES) {
                if (field.equals("quantity") && bad.equals("42")) {
                    continue; // a valid quantity
                }
                corpus.add(place("lines[0]." + field + " = " + clip(bad), order("lines", "[" + line(field, bad) + "]")));
            }
            corpus.add(place("lines[0] without " + field, order("lines", "[" + line(field, null) + "]")));
        }
        for (String field : new String[] {"name", "line1", "city", "postalCode", "country"}) {
            for (String bad : List.of("null", "42", "\"\"", "[]", "{}", "\"" + "A".repeat(5000) + "\"")) {
                corpus.add(place("shippingAddress." + field + " = " + clip(bad), order("shippingAddress", address(field, bad))));
            }
            corpus.add(place("shippingAddress without " + field, order("shippingAddress", address(field, null))));
        }
        for (String bad : List.of("42", "[]", "{}", "\"" + "A".repeat(5000) + "\"")) {
            corpus.add(place("shippingAddress.line2 = " + clip(bad), order("shippingAddress", address("line2", bad))));
        }
        for (String lines : List.of("[null]", "[\"SKU-1\"]", "[{}]", "[{},{}]")) {
            corpus.add(place("lines = " + lines, order("lines", lines)));
        }
        for (String email : List.of("\"not-an-email\"", "\"a@\"", "\"@b.example\"", "\"a b@example.com\"", "\"a@example.com\\r\\nBcc: x@example.com\"")) {
            corpus.add(place("contactEmail = " + email, order("contactEmail", email)));
        }
        corpus.add(place("unknown sku", order("lines", "[{\"sku\":\"NO-SUCH-SKU\",\"quantity\":1}]")));
        corpus.add(place("101 lines", order("lines", "[" + String.join(",", java.util.Collections.nCopies(101, LINE)) + "]")));
        for (String extra : List.of("\"customerId\":\"alice\"", "\"total\":{\"amount\":\"0.01\",\"currency\":\"EUR\"}", "\"status\":\"CANCELLED\"",
                "\"orderId\":\"00000000-0000-0000-0000-000000000000\"")) {
            corpus.add(place("extra field " + extra.substring(1, extra.indexOf('"', 1)), order(null, null).replaceFirst("\\{", "{" + extra + ",")));
        }
        corpus.add(place("line with a client price", order("lines", "[{\"sku\":\"SKU-1\",\"quantity\":1,\"unitPrice\":{\"amount\":\"0.01\",\"currency\":\"EUR\"}}]")));
        for (String body : List.of("", "null", "[]", "\"order\"", "42", "{", "{\"lines\":", "{'lines':[]}", "{\"lines\":[]}", "{}")) {
            corpus.add(place("body " + clip(body), body));
        }
        corpus.add(place("deeply nested arrays", "[".repeat(100_000) + "]".repeat(100_000)));
        corpus.add(place("deeply nested objects", "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)));
        corpus.add(place("a 1 MB string", order("contactEmail", "\"" + "a".repeat(1_000_000) + "@example.com\"")));
        corpus.add(new Request("a 7 MB body", "POST", "/orders", JSON_HEADERS, ("{\"pad\":\"" + "x".repeat(7 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8)));
        byte[] invalidUtf8 = order(null, null).replace("Berlin", "Be\u0000rlin").getBytes(StandardCharsets.UTF_8);
        invalidUtf8[invalidUtf8.length / 2] = (byte) 0xC3;
        invalidUtf8[invalidUtf8.length / 2 + 1] = (byte) 0x28;
        corpus.add(new Request("invalid UTF-8", "POST", "/orders", JSON_HEADERS, invalidUtf8));
        corpus.add(new Request("lone surrogate bytes", "POST", "/orders", JSON_HEADERS, new byte[] {'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'}));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            corpus.add(new Request("content type " + type, "POST", "/orders", Map.of("X-Local-Customer", CUSTOMER, "Content-Type", type),
                    order(null, null).getBytes(StandardCharsets.UTF_8)));
        }
        corpus.add(new Request("no content type", "POST", "/orders", Map.of("X-Local-Customer", CUSTOMER), order(null, null).getBytes(StandardCharsets.UTF_8)));
        String unknownOrder = "/orders/00000000-0000-4000-8000-000000000000";
        for (String reason : List.of("null", "42", "\"\"", "\"NOT_A_REASON\"", "\"changed_mind\"", "[]", "{}")) {
            corpus.add(new Request("cancel reason " + reason, "POST", unknownOrder + "/cancel", JSON_HEADERS, ("{\"reason\":" + reason + "}").getBytes(StandardCharsets.UTF_8)));
        }
        corpus.add(new Request("cancel without body", "POST", unknownOrder + "/cancel", JSON_HEADERS, null));
        for (String id : List.of("not-a-uuid", "%27%20OR%201%3D1", "..%2F..%2Fetc", "00000000-0000-4000-8000-000000000000", "%00")) {
            corpus.add(new Request("get order " + id, "GET", "/orders/" + id, JSON_HEADERS, null));
        }
        for (String route : List.of("DELETE /orders", "PUT /orders", "PATCH /orders/x", "GET /orders", "GET /admin", "POST /orders/x/refund",
                "GET /", "OPTIONS /orders/x/cancel", "GET /orders/x/cancel", "POST /Orders")) {
            String[] parts = route.split(" ");
            corpus.add(new Request("route " + route, parts[0], parts[1], JSON_HEADERS, parts[0].equals("GET") ? null : "{}".getBytes(StandardCharsets.UTF_8)));
        }
        return corpus;
    }

    private static Request place(String name, String body) {
        return new Request(name, "POST", "/orders", JSON_HEADERS, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A valid place-order body with {@code field} set to {@code value} (raw JSON), or removed when value is null. */
    private static String order(String field, String value) {
        StringBuilder json = new StringBuilder("{");
        for (String[] f : new String[][] {{"lines", "[" + LINE + "]"}, {"shippingAddress", ADDRESS}, {"contactEmail", "\"m@example.com\""}}) {
            String v = f[0].equals(field) ? value : f[1];
            if (v != null) {
                json.append(json.length() > 1 ? "," : "").append('"').append(f[0]).append("\":").append(v);
            }
        }
        return json.append('}').toString();
    }

    private static String line(String field, String value) {
        String sku = field.equals("sku") ? value : "\"SKU-1\"";
        String quantity = field.equals("quantity") ? value : "1";
        return "{" + (sku == null ? "" : "\"sku\":" + sku) + (sku != null && quantity != null ? "," : "") + (quantity == null ? "" : "\"quantity\":" + quantity) + "}";
    }

    private static String address(String field, String value) {
        StringBuilder json = new StringBuilder("{");
        for (String[] f : new String[][] {{"name", "\"M\""}, {"line1", "\"1 Road\""}, {"line2", null}, {"city", "\"Berlin\""},
                {"postalCode", "\"10115\""}, {"country", "\"DE\""}}) {
            String v = f[0].equals(field) ? value : f[1];
            if (v != null) {
                json.append(json.length() > 1 ? "," : "").append('"').append(f[0]).append("\":").append(v);
            }
        }
        return json.append('}').toString();
    }

    private static String clip(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "..." : text;
    }
}
