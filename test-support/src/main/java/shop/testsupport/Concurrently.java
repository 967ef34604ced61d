package shop.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Races calls against each other, as concurrent deliveries and requests do, so a test sees conditional writes decide. */
public final class Concurrently {

    private Concurrently() {
    }

    /**
     * Runs each call on its own thread, all released at the same instant; returns their results in the calls' order,
     * or throws the ExecutionException of the first call (in that order) that failed.
     */
    public static <T> List<T> call(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same call {@code times} times at once, as a redelivered event or a retried request arrives. */
    public static <T> List<T> call(int times, Callable<T> call) throws Exception {
        return call(Collections.nCopies(times, call));
    }
}
