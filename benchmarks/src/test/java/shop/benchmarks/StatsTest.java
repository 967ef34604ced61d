package shop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void percentiles_are_samples_that_were_seen_by_nearest_rank() {
        List<Integer> oneToHundred = IntStream.rangeClosed(1, 100).boxed().toList();

        Stats stats = Stats.of(oneToHundred);

        assertEquals(50, stats.p50());
        assertEquals(90, stats.p90());
        assertEquals(99, stats.p99());
        assertEquals(1, stats.min());
        assertEquals(100, stats.max());
        assertEquals(50.5, stats.mean());
    }

    @Test
    void ten_cold_starts_give_the_ninth_slowest_as_p90_whatever_their_order() {
        Stats stats = Stats.of(List.of(900.0, 100.0, 800.0, 200.0, 700.0, 300.0, 600.0, 400.0, 500.0, 1000.0));

        assertEquals(500, stats.p50());
        assertEquals(900, stats.p90());
        assertEquals(1000, stats.p99());
    }

    @Test
    void a_single_sample_is_every_percentile() {
        Stats stats = Stats.of(List.of(42));

        assertEquals(42, stats.p50());
        assertEquals(42, stats.p99());
    }

    @Test
    void no_samples_is_refused_rather_than_reported_as_zero() {
        assertThrows(IllegalArgumentException.class, () -> Stats.of(List.of()));
    }
}
