package shop.localparts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-item write rate on its own, on a clock the test moves. */
class ItemWriteRateTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ItemWriteRate rate = new ItemWriteRate(now::get);

    @Test
    void off_until_a_rate_is_set() {
        for (int i = 0; i < 1_000; i++) {
            assertEquals(List.of(), rate.take(List.of("hot"), ItemWriteRate.TRANSACTIONAL_WRITE));
        }
        assertEquals(0, rate.throttled());
    }

    @Test
    void an_item_takes_one_second_of_units_then_is_throttled_until_they_refill() {
        rate.limit(10);
        for (int i = 0; i < 10; i++) {
            assertEquals(List.of(), rate.take(List.of("hot"), ItemWriteRate.PLAIN_WRITE), "write " + (i + 1));
        }
        assertEquals(List.of("hot"), rate.take(List.of("hot"), ItemWriteRate.PLAIN_WRITE));
        assertEquals(List.of(), rate.take(List.of("cold"), ItemWriteRate.PLAIN_WRITE), "another item has its own units");
        now.addAndGet(99_000_000L); // 0.099 s: 0.99 of a unit back
        assertEquals(List.of("hot"), rate.take(List.of("hot"), ItemWriteRate.PLAIN_WRITE));
        now.addAndGet(1_000_000L);
        assertEquals(List.of(), rate.take(List.of("hot"), ItemWriteRate.PLAIN_WRITE));
        assertEquals(2, rate.throttled());
    }

    @Test
    void a_transaction_takes_two_units_of_every_item_or_none() {
        rate.limit(3);
        assertEquals(List.of(), rate.take(List.of("a", "b"), ItemWriteRate.TRANSACTIONAL_WRITE)); // a: 1 left, b: 1 left
        assertEquals(List.of("a"), rate.take(List.of("a", "c"), ItemWriteRate.TRANSACTIONAL_WRITE));
        assertEquals(List.of(), rate.take(List.of("c"), ItemWriteRate.TRANSACTIONAL_WRITE), "c lost nothing to the refused one");
        assertEquals(List.of(), rate.take(List.of("c"), ItemWriteRate.PLAIN_WRITE));
        assertEquals(List.of("c"), rate.take(List.of("c"), ItemWriteRate.PLAIN_WRITE));
    }

    @Test
    void below_two_units_a_second_a_transaction_still_passes_once_refilled() {
        rate.limit(0.5);
        assertEquals(List.of(), rate.take(List.of("slow"), ItemWriteRate.TRANSACTIONAL_WRITE));
        now.addAndGet(3_900_000_000L);
        assertEquals(List.of("slow"), rate.take(List.of("slow"), ItemWriteRate.TRANSACTIONAL_WRITE));
        now.addAndGet(100_000_000L);
        assertEquals(List.of(), rate.take(List.of("slow"), ItemWriteRate.TRANSACTIONAL_WRITE));
    }

    @Test
    void items_at_rest_are_dropped_past_ten_thousand_and_one_in_use_is_not() {
        rate.limit(1_000);
        for (int i = 0; i < 20_000; i++) {
            rate.take(List.of("item-" + i), ItemWriteRate.PLAIN_WRITE);
        }
        now.addAndGet(1_000_000_000L); // a second later every one of them is full again
        for (int i = 0; i < 1_000; i++) {
            assertEquals(List.of(), rate.take(List.of("hot"), ItemWriteRate.PLAIN_WRITE), "write " + i);
        }
        assertEquals(List.of(), rate.take(List.of("new"), ItemWriteRate.PLAIN_WRITE));
        assertEquals(2, rate.tracked(), "the 20,000 rested items dropped; hot and new kept");
        assertEquals(List.of("hot"), rate.take(List.of("hot"), ItemWriteRate.PLAIN_WRITE), "hot's spent units not forgotten");
    }

    @Test
    void a_rate_is_a_finite_number_zero_or_more() {
        assertThrows(IllegalArgumentException.class, () -> rate.limit(-1));
        assertThrows(IllegalArgumentException.class, () -> rate.limit(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> rate.limit(Double.POSITIVE_INFINITY));
        assertTrue(rate.take(List.of("x"), 2).isEmpty());
    }
}
