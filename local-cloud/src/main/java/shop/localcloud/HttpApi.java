package shop.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import shop.localcloud.Model.HttpRoute;

/**
 * The HTTP API on localhost: each request becomes an API Gateway payload v2.0 event for the route's function, and
 * the function's answer becomes the HTTP response. The JWT authorizer's place is taken by a local identity:
 * {@code Authorization: Bearer <JWT or customer id>} or {@code X-Local-Customer: <id>} becomes {@code claims.sub}.
 */
final class HttpApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** A route that matched, with the values of its path parameters. */
    record Match(HttpRoute route, Map<String, String> pathParameters) {
    }

    private final HttpServer server;
    private final List<HttpRoute> routes;
    private final Map<String, LocalFunction> functions;
    private final Flow flow;

    HttpApi(int port, List<HttpRoute> routes, Map<String, LocalFunction> functions, Flow flow) {
        this.routes = routes;
        this.functions = functions;
        this.flow = flow;
        this.server = HttpServers.bind(port, "HTTP API", "--port");
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long start = System.nanoTime();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            Optional<Match> match = match(routes, method, path);
            if (match.isEmpty()) {
                String problem = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no route for "
                        + method + " " + path.replace("\"", "") + "\"}";
                HttpServers.reply(exchange, 404, "application/problem+json", problem);
                flow.line("HTTP", method + " " + path + " -> no route, 404");
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            ObjectNode event = event(exchange, method, body, match.get());
            String customer = event.path("requestContext").path("authorizer").path("jwt").path("claims").path("sub").asText("");
            LocalFunction function = functions.get(match.get().route().functionId());
            InvocationResult result;
            try {
                result = function.invoke(JSON.writeValueAsBytes(event))
                        .get(function.spec().timeoutSeconds() + 120L, TimeUnit.SECONDS);
            } catch (Exception e) {
                result = InvocationResult.error("ServiceException", String.valueOf(e.getMessage()), null, 0);
            }
            int status = respond(exchange, result);
            flow.line("HTTP", method + " " + path + " -> " + function.id() + " " + status + " ("
                    + (System.nanoTime() - start) / 1_000_000 + " ms)" + (customer.isEmpty() ? " anonymous" : " as " + customer)
                    + (result.ok() ? "" : " " + Flow.clip(result.summary(), 160)));
        }
    }

    /** Turns the function's answer into the response, as API Gateway does for payload format 2.0. */
    private static int respond(HttpExchange exchange, InvocationResult result) throws IOException {
        if (!result.ok()) {
            HttpServers.reply(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}");
            return 500;
        }
        JsonNode output;
        try {
            output = JSON.readTree(result.payload());
        } catch (IOException e) {
            output = null;
        }
        if (output == null || !output.isObject() || !output.has("statusCode")) {
            // no statusCode: API Gateway takes the whole output as a JSON body with status 200
            HttpServers.reply(exchange, 200, "application/json", result.payload());
            return 200;
        }
        int status = output.path("statusCode").asInt(500);
        output.path("headers").fields().forEachRemaining(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue().asText()));
        output.path("cookies").forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c.asText()));
        String text = output.path("body").isTextual() ? output.path("body").asText() : output.path("body").isMissingNode()
                || output.path("body").isNull() ? "" : output.path("body").toString();
        byte[] body = output.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
                : text.getBytes(StandardCharsets.UTF_8);
        HttpServers.reply(exchange, status, null, body);
        return status;
    }

    /** The most specific route for a request: literal segments beat {param}, which beats {proxy+}; then ANY. */
    static Optional<Match> match(List<HttpRoute> routes, String method, String path) {
        String[] segments = path.replaceAll("/+$", "").split("/", -1);
        return routes.stream()
                .filter(r -> r.method().equals(method) || r.method().equals("ANY"))
                .map(r -> matchPath(r, segments))
                .flatMap(Optional::stream)
                .min(Comparator.comparingInt((Match m) -> specificity(m.route())).thenComparing(m -> m.route().method().equals("ANY")));
    }

    private static int specificity(HttpRoute route) {
        int score = 0;
        for (String segment : route.path().split("/")) {
            score += segment.endsWith("+}") ? 100 : segment.startsWith("{") ? 1 : 0;
        }
        return score;
    }

    private static Optional<Match> matchPath(HttpRoute route, String[] segments) {
        String[] pattern = route.path().replaceAll("/+$", "").split("/", -1);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("+}")) {
                if (i >= segments.length) {
                    return Optional.empty();
                }
                parameters.put(p.substring(1, p.length() - 2), decode(String.join("/", List.of(segments).subList(i, segments.length))));
                return Optional.of(new Match(route, parameters));
            }
            if (i >= segments.length) {
                return Optional.empty();
            }
            if (p.startsWith("{") && p.endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(p.substring(1, p.length() - 1), decode(segments[i]));
            } else if (!p.equals(segments[i])) {
                return Optional.empty();
            }
        }
        return pattern.length == segments.length ? Optional.of(new Match(route, parameters)) : Optional.empty();
    }

    private static String decode(String segment) {
        return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The API Gateway HTTP API payload v2.0 event for a request. */
    static ObjectNode event(HttpExchange exchange, String method, byte[] body, Match match) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String query = exchange.getRequestURI().getRawQuery();
        return event(method, exchange.getRequestURI().getRawPath(), query, headers, body, match,
                exchange.getRemoteAddress().getAddress().getHostAddress());
    }

    static ObjectNode event(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body, Match match,
                            String sourceIp) {
        ObjectNode event = JSON.createObjectNode();
        String routeKey = match.route().routeKey();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        if (headers.containsKey("cookie")) {
            event.putArray("cookies").addAll(List.of(headers.get("cookie").split(";\\s*")).stream()
                    .map(JSON.getNodeFactory()::textNode).toList());
        }
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach((k, v) -> {
            if (!k.equals("cookie")) {
                headerNode.put(k, v);
            }
        });
        if (rawQuery != null && !rawQuery.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                String key = java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                parameters.put(key, parameters.has(key) ? parameters.get(key).asText() + "," + value : value);
            }
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", Model.ACCOUNT);
        context.put("apiId", "local");
        claims(headers).ifPresent(claims -> {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            jwt.set("claims", claims);
            jwt.putNull("scopes");
        });
        context.put("domainName", headers.getOrDefault("host", "localhost"));
        context.put("domainPrefix", headers.getOrDefault("host", "localhost").split("[.:]")[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", sourceIp);
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        Instant now = Instant.now();
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (!match.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }
        if (body.length > 0) {
            Optional<String> text = isText(headers.get("content-type")) ? utf8(body) : Optional.empty();
            event.put("body", text.orElseGet(() -> Base64.getEncoder().encodeToString(body)));
            event.put("isBase64Encoded", text.isEmpty());
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** The claims the JWT authorizer would pass on: from a bearer JWT's payload, a bare bearer id, or X-Local-Customer. */
    static Optional<ObjectNode> claims(Map<String, String> headers) {
        ObjectNode claims = JSON.createObjectNode();
        String local = headers.get("x-local-customer");
        String authorization = headers.getOrDefault("authorization", "").trim();
        if (local != null && !local.isBlank()) {
            claims.put("sub", local.trim());
            return Optional.of(claims);
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
            return Optional.empty();
        }
        String token = authorization.substring(7).trim();
        String[] parts = token.split("\\.");
        if (parts.length >= 2) {
            try {
                JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
                payload.fields().forEachRemaining(c -> claims.put(c.getKey(), c.getValue().isTextual() ? c.getValue().asText()
                        : c.getValue().isArray() ? "[" + String.join(" ", JSON.convertValue(c.getValue(), String[].class)) + "]"
                        : c.getValue().toString()));
                return claims.has("sub") ? Optional.of(claims) : Optional.empty();
            } catch (IOException | IllegalArgumentException e) {
                return Optional.empty(); // not a JWT API Gateway would accept
            }
        }
        claims.put("sub", token);
        return Optional.of(claims);
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.contains("x-www-form-urlencoded")
                || type.contains("javascript");
    }

    private static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
