package shop.localcloud.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shop.localcloud.common.Flow;
import shop.localcloud.common.HttpServers;

/**
 * One endpoint for every AWS API local-cloud offers (as LocalStack's 4566), so {@code AWS_ENDPOINT_URL} is the only
 * setting the AWS CLI and SDKs need. A request goes to the service its SigV4 credential scope names, or else the
 * one its {@code X-Amz-Target} prefix names: served here (Lambda) or passed on to the part that serves it.
 */
public final class EdgeEndpoint implements AutoCloseable {

    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[^/]+/([^/]+)/aws4_request");
    private static final Map<String, String> TARGET_PREFIXES = Map.of("AWSEvents", "events", "DynamoDB_20120810", "dynamodb",
            "DynamoDBStreams_20120810", "dynamodb", "AmazonSQS", "sqs");
    /** Headers the JDK client sets itself (or refuses), and hop-by-hop headers that must not be passed on. */
    private static final Set<String> NOT_PASSED_ON = Set.of("connection", "content-length", "date", "expect", "from", "host",
            "upgrade", "via", "warning", "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final Map<String, String> upstreams;
    private final Map<String, HttpHandler> served;
    private final Map<String, HttpHandler> pages;
    private final Flow flow;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param upstreams by SigV4 service name (events, dynamodb, sqs, ses): the local endpoint that serves it
     * @param served    by SigV4 service name (lambda): handled in this process
     * @param pages     by path prefix: what a browser (an unsigned request) gets there, e.g. the console
     */
    public EdgeEndpoint(int port, Map<String, String> upstreams, Map<String, HttpHandler> served, Map<String, HttpHandler> pages,
                        Flow flow) {
        this.pages = Map.copyOf(pages);
        this.upstreams = Map.copyOf(upstreams);
        this.served = Map.copyOf(served);
        this.flow = flow;
        this.server = HttpServers.bind(port, "edge endpoint", "--edge-port");
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The services this endpoint answers, by their SigV4 signing name. */
    public List<String> services() {
        return java.util.stream.Stream.concat(upstreams.keySet().stream(), served.keySet().stream()).sorted().toList();
    }

    /** The service a request is for: its credential scope's, else its X-Amz-Target prefix's. */
    static Optional<String> service(String authorization, String target) {
        if (authorization != null) {
            Matcher scope = CREDENTIAL_SCOPE.matcher(authorization);
            if (scope.find()) {
                return Optional.of(scope.group(1));
            }
        }
        if (target != null && target.contains(".")) {
            return Optional.ofNullable(TARGET_PREFIXES.get(target.substring(0, target.indexOf('.'))));
        }
        return Optional.empty();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<String> service = service(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            if (service.isPresent() && served.containsKey(service.get())) {
                served.get(service.get()).handle(exchange);
                return;
            }
            if (service.isEmpty()) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/favicon.ico")) {
                    HttpServers.reply(exchange, 404, null, new byte[0]); // a browser asks; not worth a flow line
                    return;
                }
                for (Map.Entry<String, HttpHandler> page : pages.entrySet()) {
                    if (path.equals(page.getKey()) || path.startsWith(page.getKey() + "/")) {
                        page.getValue().handle(exchange);
                        return;
                    }
                }
            }
            String upstream = service.map(upstreams::get).orElse(null);
            if (upstream == null) {
                String message = service.map(s -> "local-cloud does not emulate the AWS service '" + s + "'; it serves " + services())
                        .orElse("a request to the edge endpoint needs a SigV4 Authorization header (any credentials) or an X-Amz-Target;"
                                + " point the AWS CLI or an SDK at it with AWS_ENDPOINT_URL" + (pages.isEmpty() ? ""
                                : " (in a browser: " + String.join(", ", pages.keySet()) + ")"));
                exchange.getResponseHeaders().set("x-amzn-ErrorType", "UnknownOperationException");
                flow.line("EDGE", exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " -> 400 " + message);
                HttpServers.reply(exchange, 400, "application/json", "{\"__type\":\"UnknownOperationException\",\"message\":\""
                        + message.replace("\"", "'") + "\"}");
                return;
            }
            passOn(exchange, upstream);
        }
    }

    private void passOn(HttpExchange exchange, String upstream) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI().toString()))
                .timeout(Duration.ofMinutes(2))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_PASSED_ON.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            HttpServers.reply(exchange, 502, "application/json", "{\"__type\":\"ServiceUnavailable\",\"message\":\"" + upstream
                    + " did not answer\"}");
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!NOT_PASSED_ON.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        });
        byte[] answer = response.body();
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        exchange.getResponseBody().write(answer);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
