package shop.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Makes EventBridge's at-least-once delivery as bad as it gets: it follows the archive and, for every event it
 * has not seen yet (by metadata.eventId) that {@code selects} accepts, or that is about an order of an event it
 * selected before (the answers of the conversation, such as StockReserved, which name no customer), puts the same
 * event on the bus {@code extra} more times at once, while the first copy is being delivered. Every rule then delivers each event 1 + extra
 * times to its consumer, the copies racing each other; the copies carry new EventBridge ids, as a producer's retry does.
 */
final class Duplicator implements AutoCloseable {

    private final Scenario scenario;
    private final Predicate<JsonNode> selects;
    private final int extra;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Set<String> orders = ConcurrentHashMap.newKeySet();
    private final ExecutorService putters = Executors.newFixedThreadPool(4);
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger copiesPut = new AtomicInteger();
    private final Thread follower;
    private volatile boolean running = true;
    private volatile int linesRead;

    /** Selects the events of customers whose id starts with {@code prefix}: OrderPlaced 2.x names them in data.customer.id. */
    static Predicate<JsonNode> ofCustomers(String prefix) {
        return event -> {
            JsonNode data = event.path("detail").path("data");
            return (data.has("customerId") ? data.path("customerId") : data.path("customer").path("id")).asText().startsWith(prefix);
        };
    }

    Duplicator(Scenario scenario, int extra, Predicate<JsonNode> selects) {
        this.scenario = scenario;
        this.extra = extra;
        this.selects = selects;
        this.follower = new Thread(this::follow, "duplicator");
        follower.setDaemon(true);
        follower.start();
    }

    private void follow() {
        Path archive = scenario.dataDir.resolve("archive.jsonl");
        while (running) {
            try {
                if (Files.exists(archive)) {
                    List<String> lines = Files.readAllLines(archive, StandardCharsets.UTF_8);
                    for (int i = linesRead; i < lines.size(); i++) {
                        String line = lines.get(i);
                        if (line.isBlank() || !line.endsWith("}")) {
                            break; // being written: read it next time
                        }
                        JsonNode archived = Scenario.JSON.readTree(line);
                        JsonNode event = archived.path("event");
                        String eventId = event.path("detail").path("metadata").path("eventId").asText();
                        String orderId = event.path("detail").path("data").path("orderId").asText();
                        boolean selected = selects.test(event) || orders.contains(orderId);
                        if (selected) {
                            orders.add(orderId);
                        }
                        if (selected && seen.add(eventId)) {
                            for (int copy = 0; copy < extra; copy++) {
                                pending.incrementAndGet();
                                putters.submit(() -> {
                                    try {
                                        scenario.bus.put(archived.path("eventBusName").asText(), List.of(event));
                                        copiesPut.incrementAndGet();
                                    } finally {
                                        pending.decrementAndGet();
                                    }
                                });
                            }
                        }
                        linesRead = i + 1;
                    }
                }
                Thread.sleep(50);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Settles the system until every selected event has been copied and every copy delivered. */
    void settle() throws InterruptedException {
        for (int round = 0; round < 100; round++) {
            scenario.settle();
            int archived = scenario.archive().size();
            Thread.sleep(200);
            if (pending.get() == 0 && linesRead >= archived && scenario.archive().size() == archived && scenario.cloud.awaitIdle(1000)) {
                return;
            }
        }
        throw new AssertionError("the duplicator did not catch up with the archive");
    }

    int eventsDuplicated() {
        return seen.size();
    }

    int copiesPut() {
        return copiesPut.get();
    }

    @Override
    public void close() {
        running = false;
        follower.interrupt();
        putters.shutdown();
        try {
            putters.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() must not throw it (a try-with-resources would suppress it): keep it for the caller
        }
    }
}
