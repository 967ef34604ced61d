package shop.localparts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The local DynamoDB: dynalite, which lacks transactions and TTL, behind a front that adds TransactWriteItems,
 * TransactGetItems and TTL. Every call holds the locks of the items it touches ({@link ItemLocks}), so a transaction
 * is atomic and isolated and waits only for calls on its own items. Unlike AWS it never answers TransactionConflict for two transactions on
 * one item (it runs them one after the other) unless a test asks for it with {@link #failNextTransactionsWithConflict}.
 */
public final class TransactionalDynalite implements AutoCloseable {

    public static final Duration DEFAULT_TTL_SWEEP = Duration.ofSeconds(1);
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem");

    static {
        // The JDK's HttpServer delays small replies (Nagle meeting delayed ACKs, ~40-90 ms a request) unless told not
        // to; read once, at the JVM's first HttpServer (local-cloud's HttpServers sets it too: BENCHMARKS.md, finding 1).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final Dynalite dynalite;
    private final HttpServer server;
    private final ExecutorService threads;
    private final DynaliteWire wire;
    private final ItemLocks locks = new ItemLocks();
    private final TransactWrite transactWrite;
    private final TransactGet transactGet;
    private final TimeToLive timeToLive;
    private final ItemWriteRate writeRate = new ItemWriteRate(System::nanoTime);

    private TransactionalDynalite(Dynalite dynalite, Duration ttlSweep) throws IOException {
        this.dynalite = dynalite;
        this.wire = new DynaliteWire(dynalite.endpoint());
        this.transactWrite = new TransactWrite(wire);
        this.transactGet = new TransactGet(wire);
        this.timeToLive = new TimeToLive(wire, locks, ttlSweep);
        this.threads = Executors.newFixedThreadPool(64, r -> {
            Thread thread = new Thread(r, "dynamodb-front");
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePort.find()), 256);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts dynalite and the front, each on a free loopback port; expired TTL items go within about a second. */
    public static TransactionalDynalite start() {
        return start(DEFAULT_TTL_SWEEP);
    }

    /** As {@link #start()}, with expired TTL items deleted every {@code ttlSweep} (AWS takes up to a few days). */
    public static TransactionalDynalite start(Duration ttlSweep) {
        Dynalite dynalite = Dynalite.start();
        try {
            return new TransactionalDynalite(dynalite, ttlSweep);
        } catch (IOException | RuntimeException e) {
            dynalite.close();
            throw e instanceof IOException io ? new UncheckedIOException("could not start the DynamoDB front", io) : (RuntimeException) e;
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    /** dynalite itself, without transactions or TTL: for benchmarks that compare the two. */
    public String dynaliteEndpoint() {
        return dynalite.endpoint();
    }

    /**
     * The next {@code transactions} TransactWriteItems answer TransactionCanceledException with reason
     * TransactionConflict for every action, applying nothing: what AWS answers when another transaction holds an item.
     */
    public void failNextTransactionsWithConflict(int transactions) {
        transactWrite.failNextWithConflict(transactions);
    }

    /** As {@link #failNextTransactionsWithConflict}, for a random {@code fraction} (0 to 1) of all TransactWriteItems from now on. */
    public void failTransactionsWithConflict(double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("a fraction is between 0 and 1, not " + fraction);
        }
        transactWrite.failWithConflict(fraction);
    }

    /**
     * From now on each item takes at most {@code unitsPerSecond} write units a second (a plain write 1, each action of a
     * transaction 2), as a hot item takes at most its partition's 1,000 in AWS; beyond that a write is throttled:
     * ProvisionedThroughputExceededException with the reason {@code TableWriteKeyRangeThroughputExceeded}, or a
     * transaction cancelled with {@code ThrottlingError} for the throttled items. 0 (the default) turns the limit off.
     */
    public void limitItemWrites(double unitsPerSecond) {
        writeRate.limit(unitsPerSecond);
    }

    /** Write requests (plain, batch or transaction) refused by {@link #limitItemWrites} so far. */
    public long throttledWrites() {
        return writeRate.throttled();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            Answer answer;
            try {
                answer = answer(operation, exchange, body);
            } catch (Refusal refusal) {
                answer = refusal.answer();
            } catch (RuntimeException e) {
                answer = Answer.of(500, Answer.JSON.createObjectNode()
                        .put("__type", "com.amazonaws.dynamodb.v20120810#InternalServerError").put("message", e.toString()));
            }
            answer.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        } finally {
            exchange.close();
        }
    }

    private Answer answer(String operation, HttpExchange exchange, byte[] body) {
        return switch (operation) {
            case "TransactWriteItems" -> {
                TransactWrite.Prepared prepared = transactWrite.prepare(json(body)); // before any lock: it touches no item
                List<String> items = prepared.actions().stream().map(TransactItems.Action::identity).toList();
                List<String> throttled = writeRate.take(items, ItemWriteRate.TRANSACTIONAL_WRITE);
                yield throttled.isEmpty() ? locks.items(items, () -> transactWrite.apply(prepared)) : TransactWrite.throttled(prepared.actions(), throttled);
            }
            case "TransactGetItems" -> {
                List<TransactItems.Action> gets = transactGet.prepare(json(body));
                yield locks.items(gets.stream().map(TransactItems.Action::identity).toList(), () -> transactGet.apply(gets));
            }
            case "UpdateTimeToLive" -> timeToLive.update(json(body));
            case "DescribeTimeToLive" -> timeToLive.describe(json(body));
            default -> {
                Supplier<Answer> forward = () -> forward(operation, exchange, body);
                Optional<List<String>> items = ItemsNamed.by(operation, body, wire);
                if (items.isPresent() && WRITES.contains(operation)) {
                    List<String> throttled = writeRate.take(items.get(), ItemWriteRate.PLAIN_WRITE);
                    if (!throttled.isEmpty()) {
                        yield throughputExceeded(throttled.get(0), exchange);
                    }
                }
                yield items.isPresent() ? locks.items(items.get(), forward) : locks.everything(forward);
            }
        };
    }

    /**
     * What AWS answers a write to a hot item (on-demand tables too): retryable, and the AWS SDKs retry it with backoff.
     * A batch is refused whole if any of its items is throttled, where AWS would return those items as UnprocessedItems.
     */
    private static Answer throughputExceeded(String item, HttpExchange exchange) {
        String table = item.substring(0, item.indexOf('\u0000'));
        ObjectNode body = Answer.JSON.createObjectNode()
                .put("__type", "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException")
                .put("message", "Throughput exceeds the current capacity of your table or index. Too many writes to one key.");
        body.putArray("ThrottlingReasons").addObject().put("reason", "TableWriteKeyRangeThroughputExceeded")
                .put("resource", "arn:aws:dynamodb:" + region(exchange) + ":000000000000:table/" + table);
        return Answer.of(400, body);
    }

    /** The region the request was signed for (SigV4's credential scope), as AWS puts it in an ARN. */
    private static String region(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        int credential = authorization == null ? -1 : authorization.indexOf("Credential=");
        if (credential < 0) {
            return "us-east-1";
        }
        String[] scope = authorization.substring(credential + "Credential=".length()).split("[,\\s]")[0].split("/");
        return scope.length > 2 ? scope[2] : "us-east-1";
    }

    /** A call dynalite has, passed on as it came. */
    private Answer forward(String operation, HttpExchange exchange, byte[] body) {
        Answer answer = wire.forward(exchange.getRequestMethod(), exchange.getRequestURI().toString(), exchange.getRequestHeaders(), body);
        if ("DeleteTable".equals(operation) && answer.succeeded()) {
            String table = json(body).path("TableName").asText();
            wire.forget(table);
            timeToLive.forget(table);
        }
        return answer;
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode node = Answer.JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new Refusal(Answer.of(400, Answer.JSON.createObjectNode().put("__type", "com.amazon.coral.service#SerializationException")));
        }
    }

    /** Stops the front, then the TTL sweeper, then dynalite. */
    @Override
    public void close() {
        try {
            server.stop(0);
            threads.shutdownNow();
            timeToLive.close();
        } finally {
            dynalite.close();
        }
    }
}
