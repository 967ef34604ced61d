package shop.localcloud.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import shop.localcloud.cloudformation.Model.HttpRoute;
import shop.localcloud.common.Flow;
import shop.localcloud.common.HttpServers;
import shop.localcloud.common.Throttles;
import shop.localcloud.lambda.Concurrency;
import shop.localcloud.lambda.InvocationResult;
import shop.localcloud.lambda.LocalFunction;

/**
 * The HTTP API on localhost: the route's JWT authorizer checks the token first (401 as API Gateway answers), then
 * the request becomes an API Gateway payload v2.0 event for the route's function, and the function's answer the
 * HTTP response. {@code X-Local-Customer: <id>} is a local shortcut that bypasses the authorizer ({@code claims.sub}).
 * With the stage throttle on, a route past its DefaultRouteSettings is answered 429 before anything else runs.
 */
public final class HttpApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;
    static final int MAX_INVOKE_BYTES = 6 * 1024 * 1024;

    /** A route that matched, with the values of its path parameters. */
    public record Match(HttpRoute route, Map<String, String> pathParameters) {
    }

    private final HttpServer server;
    private final List<HttpRoute> routes;
    private final Map<String, LocalFunction> functions;
    private final Flow flow;
    private final JwtCheck jwt;
    private final StageThrottle stageThrottle;

    public HttpApi(int port, List<HttpRoute> routes, Map<String, LocalFunction> functions, Flow flow, LocalIssuer issuer) {
        this(port, routes, functions, flow, issuer, false, new Throttles(flow));
    }

    /** With {@code stageThrottle}, each route takes at most its stage's DefaultRouteSettings throttle (429 beyond). */
    public HttpApi(int port, List<HttpRoute> routes, Map<String, LocalFunction> functions, Flow flow, LocalIssuer issuer,
                   boolean stageThrottle, Throttles throttles) {
        this.stageThrottle = new StageThrottle(stageThrottle, throttles);
        this.jwt = new JwtCheck(issuer.publicKey());
        this.routes = routes;
        this.functions = functions;
        this.flow = flow;
        this.server = HttpServers.bind(port, "HTTP API", "--port");
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
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
                flow.line("HTTP", method + " " + path + " -> no route, 404");
                HttpServers.reply(exchange, 404, "application/problem+json", problem);
                return;
            }
            if (!stageThrottle.admit(match.get().route())) {
                // what API Gateway answers past a stage's throttle: no Retry-After, and nothing reaches the function
                // (no HTTP line either: a burst throttles thousands a second; Throttles writes one line a second)
                HttpServers.reply(exchange, 429, "application/json", "{\"message\":\"Too Many Requests\"}");
                return;
            }
            Optional<ObjectNode> claims;
            String local = exchange.getRequestHeaders().getFirst("X-Local-Customer");
            if (local != null && !local.isBlank()) {
                claims = Optional.of(JSON.createObjectNode().put("sub", local.trim()));
            } else if (match.get().route().authorizer() != null) {
                JwtCheck.Verdict verdict = jwt.check(exchange.getRequestHeaders().getFirst("Authorization"), match.get().route().authorizer(),
                        java.time.Instant.now());
                if (!verdict.accepted()) {
                    exchange.getResponseHeaders().set("www-authenticate",
                            "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + verdict.refusal() + "\"");
                    flow.line("HTTP", method + " " + path + " -> 401 by authorizer " + match.get().route().authorizer().name()
                            + ": " + verdict.refusal());
                    HttpServers.reply(exchange, 401, "application/json", "{\"message\":\"Unauthorized\"}");
                    return;
                }
                claims = Optional.of(verdict.claims());
            } else {
                claims = Optional.empty();
            }
            byte[] body = exchange.getRequestBody().readNBytes(MAX_REQUEST_BYTES + 1);
            ObjectNode event = body.length > MAX_REQUEST_BYTES ? null : ApiGatewayEvents.event(exchange, method, body, match.get(), claims);
            byte[] payload = event == null ? null : JSON.writeValueAsBytes(event);
            if (payload == null || payload.length > MAX_INVOKE_BYTES) {
                // API Gateway refuses bodies over 10 MB; Lambda refuses request payloads over 6 MB
                flow.line("HTTP", method + " " + path + " -> 413, the request is larger than Lambda accepts");
                HttpServers.reply(exchange, 413, "application/problem+json",
                        "{\"type\":\"about:blank\",\"title\":\"Request Entity Too Large\",\"status\":413}");
                return;
            }
            String customer = event.path("requestContext").path("authorizer").path("jwt").path("claims").path("sub").asText("");
            LocalFunction function = functions.get(match.get().route().functionId());
            InvocationResult result;
            try {
                result = function.invokeSynchronously(payload, null)
                        .get(function.spec().timeoutSeconds() + 120L, TimeUnit.SECONDS);
            } catch (Concurrency.TooManyRequests throttled) {
                // Lambda refused the integration (429): API Gateway answers its client 500, as for any integration failure
                result = InvocationResult.error("TooManyRequestsException", throttled.getMessage() + " " + throttled.reason(), null, 0);
            } catch (Exception e) {
                result = InvocationResult.error("ServiceException", String.valueOf(e.getMessage()), null, 0);
            }
            InvocationResult outcome = result;
            // the flow line is written before the answer, so whoever got the answer finds the line (tests read the flow)
            respond(exchange, result, status -> flow.line("HTTP", method + " " + path + " -> " + function.id() + " " + status + " ("
                    + (System.nanoTime() - start) / 1_000_000 + " ms)" + (customer.isEmpty() ? " anonymous" : " as " + customer)
                    + (outcome.ok() ? "" : " " + Flow.clip(outcome.summary(), 160))));
        }
    }

    /** Turns the function's answer into the response, as API Gateway does for payload format 2.0; {@code logged} runs first. */
    private static void respond(HttpExchange exchange, InvocationResult result, java.util.function.IntConsumer logged) throws IOException {
        if (!result.ok()) {
            logged.accept(500);
            HttpServers.reply(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}");
            return;
        }
        JsonNode output;
        try {
            output = JSON.readTree(result.payload());
        } catch (IOException e) {
            output = null;
        }
        if (output == null || !output.isObject() || !output.has("statusCode")) {
            // no statusCode: API Gateway takes the whole output as a JSON body with status 200
            logged.accept(200);
            HttpServers.reply(exchange, 200, "application/json", result.payload());
            return;
        }
        int status = output.path("statusCode").asInt(500);
        output.path("headers").properties().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue().asText()));
        output.path("cookies").forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c.asText()));
        String text = output.path("body").isTextual() ? output.path("body").asText() : output.path("body").isMissingNode()
                || output.path("body").isNull() ? "" : output.path("body").toString();
        byte[] body = output.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
                : text.getBytes(StandardCharsets.UTF_8);
        logged.accept(status);
        HttpServers.reply(exchange, status, null, body);
    }

    /** The most specific route for a request: literal segments beat {param}, which beats {proxy+}; then ANY. */
    public static Optional<Match> match(List<HttpRoute> routes, String method, String path) {
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

    @Override
    public void close() {
        server.stop(0);
    }
}
