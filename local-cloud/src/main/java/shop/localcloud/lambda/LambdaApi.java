package shop.localcloud.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import shop.localcloud.common.Flow;
import shop.localcloud.common.HttpServers;

/**
 * Lambda's API (REST-JSON, {@code /2015-03-31/functions}): Invoke (RequestResponse, Event, DryRun; LogType Tail),
 * ListFunctions and GetFunction for the template's functions, so {@code aws lambda invoke} and the SDK's LambdaClient
 * work as with {@code sam local start-lambda}. Every invocation takes the same path as any other: {@link LocalFunction}.
 */
public final class LambdaApi implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTIONS = "/2015-03-31/functions";
    static final int MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
    static final int MAX_ASYNC_PAYLOAD = 1024 * 1024;

    private final Map<String, LocalFunction> functions;
    private final BiConsumer<String, JsonNode> invokeAsync;
    private final Flow flow;

    /** @param invokeAsync Lambda's asynchronous invocation (retries per EventInvokeConfig, then the on-failure destination) */
    public LambdaApi(Map<String, LocalFunction> functions, BiConsumer<String, JsonNode> invokeAsync, Flow flow) {
        this.functions = functions;
        this.invokeAsync = invokeAsync;
        this.flow = flow;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        String path = exchange.getRequestURI().getRawPath().replaceAll("/+$", "");
        String method = exchange.getRequestMethod();
        try {
            if (path.equals(FUNCTIONS) && method.equals("GET")) {
                json(exchange, 200, list());
            } else if (path.startsWith(FUNCTIONS + "/") && path.endsWith("/invocations") && method.equals("POST")) {
                invoke(exchange, function(path.substring(FUNCTIONS.length() + 1, path.length() - "/invocations".length())));
            } else if (path.startsWith(FUNCTIONS + "/") && path.indexOf('/', FUNCTIONS.length() + 1) < 0 && method.equals("GET")) {
                LocalFunction function = function(path.substring(FUNCTIONS.length() + 1));
                ObjectNode answer = JSON.createObjectNode();
                answer.set("Configuration", FunctionConfigurations.of(function.spec()));
                answer.putObject("Code").put("RepositoryType", "S3").put("Location", function.spec().artifact().toUri().toString());
                if (function.spec().reservedConcurrency() != null) {
                    answer.putObject("Concurrency").put("ReservedConcurrentExecutions", function.spec().reservedConcurrency());
                }
                json(exchange, 200, answer);
            } else {
                error(exchange, 400, "InvalidRequestContentException", "local-cloud serves Lambda's Invoke, ListFunctions and GetFunction, not "
                        + method + " " + path, null);
            }
        } catch (LambdaError e) {
            if (e.reason != null) {
                flow.line("LAMBDA", "Invoke " + path + " (RequestResponse): 429 " + e.reason);
            }
            error(exchange, e.status, e.type, e.getMessage(), e.reason);
        }
    }

    private void invoke(HttpExchange exchange, LocalFunction function) throws IOException {
        String type = header(exchange, "X-Amz-Invocation-Type", "RequestResponse");
        boolean tail = header(exchange, "X-Amz-Log-Type", "None").equals("Tail");
        byte[] payload = exchange.getRequestBody().readNBytes(MAX_SYNC_PAYLOAD + 1);
        JsonNode event = parse(payload);
        switch (type) {
            case "DryRun" -> HttpServers.reply(exchange, 204, null, new byte[0]);
            case "Event" -> {
                if (payload.length > MAX_ASYNC_PAYLOAD) {
                    throw new LambdaError(413, "RequestTooLargeException", "Request must be smaller than " + MAX_ASYNC_PAYLOAD + " bytes for the InvokeAsync operation");
                }
                invokeAsync.accept(function.id(), event);
                flow.line("LAMBDA", "Invoke " + function.id() + " (Event): queued");
                HttpServers.reply(exchange, 202, null, new byte[0]);
            }
            case "RequestResponse" -> {
                if (payload.length > MAX_SYNC_PAYLOAD) {
                    throw new LambdaError(413, "RequestTooLargeException", "Request must be smaller than " + MAX_SYNC_PAYLOAD + " bytes for the Invoke operation");
                }
                synchronous(exchange, function, payload, tail);
            }
            default -> throw new LambdaError(400, "InvalidParameterValueException", "1 validation error detected: Value '" + type
                    + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        }
    }

    private void synchronous(HttpExchange exchange, LocalFunction function, byte[] payload, boolean tail) throws IOException {
        LogTail logs = new LogTail();
        InvocationResult result;
        try {
            result = function.invokeSynchronously(payload, logs::add).get(function.spec().timeoutSeconds() + 120L, TimeUnit.SECONDS);
        } catch (Concurrency.TooManyRequests throttled) {
            throw new LambdaError(429, "TooManyRequestsException", throttled.getMessage(), throttled.reason());
        } catch (Exception e) {
            throw new LambdaError(500, "ServiceException", "the invocation did not end: " + e.getMessage());
        }
        exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
        byte[] body;
        if (result.ok()) {
            body = result.payload() == null ? new byte[0] : result.payload();
        } else {
            // a function error is a 200 with X-Amz-Function-Error; the payload is the error document
            exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
            body = result.payload() != null && result.payload().length > 0 ? result.payload() : JSON.writeValueAsBytes(
                    JSON.createObjectNode().put("errorMessage", result.errorMessage()).put("errorType", result.errorType()));
        }
        if (tail) {
            exchange.getResponseHeaders().set("X-Amz-Log-Result", logs.base64(result, function.spec().memoryMb()));
        }
        flow.line("LAMBDA", "Invoke " + function.id() + " (RequestResponse): " + Flow.clip(result.summary(), 160) + " ("
                + result.durationMillis() + " ms)");
        HttpServers.reply(exchange, 200, "application/json", body);
    }

    private static JsonNode parse(byte[] payload) {
        if (payload.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode event = JSON.readTree(payload);
            if (event == null) {
                throw new IOException("empty");
            }
            return event;
        } catch (IOException e) {
            throw new LambdaError(400, "InvalidRequestContentException", "Could not parse request body into json: " + Flow.clip(e.getMessage(), 120));
        }
    }

    private ObjectNode list() {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("Functions");
        functions.values().forEach(f -> list.add(FunctionConfigurations.of(f.spec())));
        return answer;
    }

    /** By name, full ARN or partial ARN (123456789012:function:Name), as Lambda accepts it; a :$LATEST qualifier is fine. */
    private LocalFunction function(String raw) {
        String name = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        String id = name.contains(":function:") ? name.substring(name.indexOf(":function:") + ":function:".length()) : name;
        id = id.endsWith(":$LATEST") ? id.substring(0, id.length() - ":$LATEST".length()) : id;
        LocalFunction function = functions.get(id);
        if (function == null) {
            throw new LambdaError(404, "ResourceNotFoundException", "Function not found: " + FunctionConfigurations.arn(id));
        }
        return function;
    }

    private static String header(HttpExchange exchange, String name, String otherwise) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null || value.isBlank() ? otherwise : value.trim();
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        HttpServers.reply(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void error(HttpExchange exchange, int status, String type, String message, String reason) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        ObjectNode body = JSON.createObjectNode().put("Type", "User").put("message", message);
        if (reason != null) {
            body.put("Reason", reason);
        }
        json(exchange, status, body);
    }

    /** An error Lambda's API answers, by its model's error shape name and HTTP status. */
    private static final class LambdaError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final int status;
        final String type;
        /** A throttle's Reason (ReservedFunctionConcurrentInvocationLimitExceeded, ...); null for other errors. */
        final String reason;

        LambdaError(int status, String type, String message) {
            this(status, type, message, null);
        }

        LambdaError(int status, String type, String message, String reason) {
            super(message);
            this.status = status;
            this.type = type;
            this.reason = reason;
        }
    }
}
