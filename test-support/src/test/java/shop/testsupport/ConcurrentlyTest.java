package shop.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {

    @Test
    void all_calls_are_in_flight_together_and_their_results_keep_the_calls_order() throws Exception {
        CyclicBarrier allThere = new CyclicBarrier(3); // breaks (and fails the call) unless all three wait at once
        List<Callable<String>> calls = List.of("a", "b", "c").stream()
                .map(name -> (Callable<String>) () -> {
                    allThere.await(5, TimeUnit.SECONDS);
                    return name;
                })
                .toList();

        assertEquals(List.of("a", "b", "c"), Concurrently.call(calls));
    }

    @Test
    void the_same_call_runs_the_given_number_of_times() throws Exception {
        AtomicInteger runs = new AtomicInteger();

        assertEquals(4, Concurrently.call(4, runs::incrementAndGet).size());
        assertEquals(4, runs.get());
    }

    @Test
    void a_failing_call_fails_the_whole_race() {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> Concurrently.call(List.<Callable<String>>of(() -> "fine", () -> {
                    throw new IllegalStateException("lost");
                })));

        assertEquals("lost", failure.getCause().getMessage());
    }
}
