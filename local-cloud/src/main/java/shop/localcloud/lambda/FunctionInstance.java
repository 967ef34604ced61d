package shop.localcloud.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import shop.localcloud.common.UserError;

/**
 * One execution environment: a JVM running the function's jar under the Lambda Runtime Interface Client, and the
 * Lambda Runtime API it polls (its own loopback port, so a timeout can kill exactly the JVM that is late).
 * HTTP/1.1 only: the RIC's native client crashes on an HTTP/1.0 reply.
 */
public final class FunctionInstance {

    static {
        // The JDK's HttpServer delays small replies (Nagle) unless told not to: ~88 ms per Runtime API answer
        // (benchmarks: hello-world warm p50 88.03 ms without, 0.71 ms with). Read once, at the first server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    enum State { STARTING, IDLE, BUSY, DEAD }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/2018-06-01/runtime/";

    private final LocalFunction function;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Process process;
    private volatile State state = State.STARTING;
    private volatile Invocation current;
    /** The invocation the output lines belong to: the last one started (output can trail its response a little). */
    private volatile Invocation logging;
    private volatile ScheduledFuture<?> timeout;
    private volatile JsonNode initError;

    FunctionInstance(LocalFunction function, List<String> command, Map<String, String> environment) {
        this.function = function;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback port for the Lambda Runtime API", e);
        }
        threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "runtime-api-" + function.id());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext(PREFIX, this::handle);
        server.start();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(function.taskRoot().toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getAddress().getPort());
        try {
            process = builder.start();
        } catch (IOException e) {
            server.stop(0);
            throw new UserError("cannot start a JVM for " + function.id() + " (" + command.get(0) + "): " + e.getMessage());
        }
        Thread pump = new Thread(this::pumpOutput, "logs-" + function.id());
        pump.setDaemon(true);
        pump.start();
        process.onExit().thenRun(this::exited);
    }

    State state() {
        return state;
    }

    long pid() {
        return process.pid();
    }

    private void pumpOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                function.log(line);
                Invocation owner = logging;
                if (owner != null && owner.logLines != null) {
                    owner.logLines.accept(line);
                }
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        try {
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
            } else if (path.equals("init/error")) {
                initError = readJson(exchange);
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
                finish(exchange, path.substring("invocation/".length(), path.length() - "/response".length()), true);
            } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
                finish(exchange, path.substring("invocation/".length(), path.length() - "/error".length()), false);
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"not a Runtime API path\",\"errorType\":\"InvalidRequest\"}");
            }
        } finally {
            exchange.close();
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        state = State.IDLE;
        function.scale();
        Invocation invocation = null;
        try {
            while (invocation == null) {
                if (state == State.DEAD) {
                    return;
                }
                invocation = function.pending().pollFirst(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (state == State.DEAD) {
            function.pending().offerFirst(invocation);
            return;
        }
        state = State.BUSY;
        current = invocation;
        logging = invocation;
        if (invocation.logLines != null) {
            invocation.logLines.accept("START RequestId: " + invocation.requestId + " Version: $LATEST");
        }
        invocation.startedNanos = System.nanoTime();
        long deadline = System.currentTimeMillis() + function.spec().timeoutSeconds() * 1000L;
        Invocation started = invocation;
        timeout = function.timer().schedule(() -> timedOut(started), function.spec().timeoutSeconds() * 1000L, TimeUnit.MILLISECONDS);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", function.spec().arn());
        exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id", invocation.traceId);
        try {
            exchange.sendResponseHeaders(200, invocation.payload.length == 0 ? -1 : invocation.payload.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(invocation.payload);
            }
        } catch (IOException e) {
            // the runtime went away before it got the event: give the event to the next instance
            timeout.cancel(false);
            current = null;
            function.pending().offerFirst(invocation);
        }
    }

    private void finish(HttpExchange exchange, String requestId, boolean success) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Invocation invocation = current;
        if (invocation == null || !invocation.requestId.equals(requestId)) {
            reply(exchange, 400, "{\"errorMessage\":\"unknown or finished request id " + requestId + "\",\"errorType\":\"InvalidRequestID\"}");
            return;
        }
        timeout.cancel(false);
        current = null;
        state = State.IDLE; // the runtime polls /next right after answering
        if (success) {
            invocation.result.complete(InvocationResult.ok(body, invocation.elapsedMillis()));
        } else {
            JsonNode error = parse(body);
            String type = error.path("errorType").asText(exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"));
            invocation.result.complete(InvocationResult.error(type == null ? "Unhandled" : type,
                    error.path("errorMessage").asText(new String(body, StandardCharsets.UTF_8)), body, invocation.elapsedMillis()));
        }
        reply(exchange, 202, "{\"status\":\"OK\"}");
    }

    private void timedOut(Invocation invocation) {
        if (current != invocation) { // NOPMD - CompareObjectsWithEquals: is this very invocation still the current one
            return;
        }
        current = null;
        String message = String.format(Locale.ROOT, "Task timed out after %.2f seconds", (double) function.spec().timeoutSeconds());
        invocation.result.complete(new InvocationResult(InvocationResult.Outcome.TIMEOUT, null, "Sandbox.Timedout", message,
                invocation.elapsedMillis()));
        kill();
    }

    /** Stops the JVM; an instance is never reused after this. */
    void kill() {
        state = State.DEAD;
        process.destroyForcibly();
    }

    private void exited() {
        boolean everReady = state != State.STARTING;
        state = State.DEAD;
        server.stop(0);
        threads.shutdownNow();
        Invocation invocation = current;
        current = null;
        String reason = initError != null
                ? initError.path("errorType").asText("Runtime.InitError") + ": " + initError.path("errorMessage").asText()
                : "Runtime exited with error: exit status " + process.exitValue();
        InvocationResult failure = InvocationResult.error(initError != null ? "Runtime.InitError" : "Runtime.ExitError", reason, null,
                invocation == null ? 0 : invocation.elapsedMillis());
        if (invocation != null) {
            if (timeout != null) {
                timeout.cancel(false);
            }
            invocation.result.complete(failure);
        }
        function.exited(this, everReady ? null : failure);
    }

    private static JsonNode readJson(HttpExchange exchange) throws IOException {
        return parse(exchange.getRequestBody().readAllBytes());
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static List<String> command(String java, String classpath, int memoryMb, String handler) {
        List<String> command = new ArrayList<>();
        command.add(java);
        // roughly what the managed Java runtime gives a function: most of its memory as heap, serial GC
        command.add("-Xmx" + Math.max(64, memoryMb * 85 / 100) + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-cp");
        command.add(classpath);
        command.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
        command.add(handler);
        return command;
    }
}
