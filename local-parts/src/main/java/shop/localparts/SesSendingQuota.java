package shop.localparts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * An account's SES sending quotas in front of the local SES ({@link SesV2Local}): a maximum send rate and a 24-hour
 * sending quota, both counted in recipients as AWS counts them. A SendEmail past either is refused as SES v2 refuses it:
 * HTTP 429 {@code TooManyRequestsException}, "Maximum sending rate exceeded." or "Daily message quota exceeded.", and
 * the email is not sent. As in SES, a message goes if any of the second's rate is left, even to more recipients than
 * are left; the next ones wait until the rate has refilled. GetAccount answers the quota and what was sent in the last
 * 24 hours. Everything else is passed on unchanged.
 */
public final class SesSendingQuota implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DAY_NANOS = Duration.ofDays(1).toNanos();
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "transfer-encoding",
            "expect", "upgrade", "keep-alive");

    private final String ses;
    private final double maxSendRate;
    private final long max24HourSend;
    private final LongSupplier nanoTime;
    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Deque<long[]> lastDay = new ArrayDeque<>(); // {nanos, recipients} of each message sent, oldest first
    private long sentLastDay;
    private final TokenBucket rate;
    private long throttled;

    SesSendingQuota(String sesEndpoint, double maxSendRate, long max24HourSend, LongSupplier nanoTime) {
        if (!(maxSendRate >= 0) || Double.isInfinite(maxSendRate) || max24HourSend < 0 || maxSendRate == 0 && max24HourSend == 0) {
            throw new IllegalArgumentException("a send rate is 0 (none) or more a second and a daily quota 0 (none) or more,"
                    + " at least one of them set, not " + maxSendRate + "/s and " + max24HourSend + " a day");
        }
        this.rate = maxSendRate == 0 ? null : new TokenBucket(maxSendRate, maxSendRate, nanoTime);
        this.ses = sesEndpoint;
        this.maxSendRate = maxSendRate;
        this.max24HourSend = max24HourSend;
        this.nanoTime = nanoTime;
        this.threads = Executors.newFixedThreadPool(16, r -> {
            Thread thread = new Thread(r, "ses-quota");
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePort.find()), 128);
        } catch (IOException e) {
            threads.shutdownNow();
            throw new UncheckedIOException("could not start the SES quota front", e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * A front on {@code sesEndpoint} allowing {@code maxSendRate} recipients a second and {@code max24HourSend} a day;
     * 0 leaves that one unlimited (GetAccount then answers a quota of -1, as SES does for an unlimited 24-hour quota).
     */
    public static SesSendingQuota start(String sesEndpoint, double maxSendRate, long max24HourSend) {
        return new SesSendingQuota(sesEndpoint, maxSendRate, max24HourSend, System::nanoTime);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** SendEmail calls refused so far. */
    public synchronized long throttled() {
        return throttled;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("POST".equals(method) && path.endsWith("/v2/email/outbound-emails")) {
                String refusal = admit(recipients(body));
                if (refusal != null) {
                    reply(exchange, 429, "TooManyRequestsException", JSON.createObjectNode().put("message", refusal));
                    return;
                }
            } else if ("GET".equals(method) && path.endsWith("/v2/email/account")) {
                reply(exchange, 200, null, account());
                return;
            }
            forward(exchange, body);
        } finally {
            exchange.close();
        }
    }

    /** Null when the message may go (and is counted); otherwise SES's reason for refusing it. */
    synchronized String admit(int recipients) {
        long now = nanoTime.getAsLong();
        forgetOlderThanADay(now);
        if (max24HourSend > 0 && sentLastDay >= max24HourSend) {
            throttled++;
            return "Daily message quota exceeded.";
        }
        if (rate != null && !rate.tryTake(recipients, Math.min(1, maxSendRate))) {
            throttled++;
            return "Maximum sending rate exceeded.";
        }
        sentLastDay += recipients;
        lastDay.addLast(new long[] {now, recipients});
        return null;
    }

    private synchronized ObjectNode account() {
        forgetOlderThanADay(nanoTime.getAsLong());
        ObjectNode account = JSON.createObjectNode().put("ProductionAccessEnabled", true).put("SendingEnabled", true)
                .put("EnforcementStatus", "HEALTHY");
        account.putObject("SendQuota").put("Max24HourSend", max24HourSend == 0 ? -1.0 : max24HourSend)
                .put("MaxSendRate", maxSendRate == 0 ? -1.0 : maxSendRate)
                .put("SentLast24Hours", (double) sentLastDay);
        return account;
    }

    private void forgetOlderThanADay(long now) {
        while (!lastDay.isEmpty() && now - lastDay.peekFirst()[0] >= DAY_NANOS) {
            sentLastDay -= lastDay.removeFirst()[1];
        }
    }

    /** Recipients of a SendEmail request (To, Cc and Bcc); 1 if it cannot be read (SES then says what is wrong). */
    static int recipients(byte[] body) {
        try {
            JsonNode destination = JSON.readTree(body).path("Destination");
            int count = 0;
            for (String field : List.of("ToAddresses", "CcAddresses", "BccAddresses")) {
                count += destination.path(field).size();
            }
            return Math.max(1, count);
        } catch (IOException | RuntimeException unreadable) {
            return 1;
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ses + exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while passing a request to the local SES", e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        byte[] answer = response.body();
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        exchange.getResponseBody().write(answer);
    }

    private static void reply(HttpExchange exchange, int status, String errorType, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
