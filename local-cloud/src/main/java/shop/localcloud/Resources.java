package shop.localcloud;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** What a start has opened, closed in reverse order (also when the start fails half-way), and the timer the parts share. */
final class Resources implements AutoCloseable {

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "local-cloud-timer");
        thread.setDaemon(true);
        return thread;
    });

    /** Retries, delays, schedules and function timeouts run on it; stopped first on close. */
    ScheduledExecutorService timer() {
        return timer;
    }

    <T extends AutoCloseable> T closing(T resource) {
        opened.push(resource);
        return resource;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception ignored) {
                // keep closing the rest
            }
        }
    }
}
