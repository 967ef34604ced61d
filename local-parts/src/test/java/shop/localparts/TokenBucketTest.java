package shop.localparts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The one token bucket of every modelled quota, on a clock the test moves. */
class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(7_000_000_000L);

    @Test
    void a_full_bucket_lets_its_burst_through_then_one_request_per_refilled_token() {
        TokenBucket bucket = new TokenBucket(50, 100, now::get);
        for (int i = 0; i < 100; i++) {
            assertTrue(bucket.tryTake(1), "request " + (i + 1) + " of the burst");
        }
        assertFalse(bucket.tryTake(1), "the burst is spent");
        now.addAndGet(19_000_000L); // 0.95 of a token back
        assertFalse(bucket.tryTake(1));
        now.addAndGet(1_000_000L);
        assertTrue(bucket.tryTake(1));
        assertFalse(bucket.tryTake(1));
    }

    @Test
    void it_never_holds_more_than_its_capacity_however_long_it_rests() {
        TokenBucket bucket = TokenBucket.perSecond(5);
        assertTrue(bucket.full());
        TokenBucket resting = new TokenBucket(5, 5, now::get);
        now.addAndGet(3_600_000_000_000L);
        for (int i = 0; i < 5; i++) {
            assertTrue(resting.tryTake(1));
        }
        assertFalse(resting.tryTake(1), "an hour of rest still holds only one second's worth");
        assertFalse(resting.full());
    }

    @Test
    void a_request_that_needs_only_some_tokens_may_leave_the_bucket_owing() {
        TokenBucket bucket = new TokenBucket(2, 2, now::get);
        assertTrue(bucket.tryTake(5, 1), "1 is required and 2 are there: it takes 5");
        assertFalse(bucket.has(0), "3 owed");
        now.addAndGet(1_500_000_000L);
        assertFalse(bucket.tryTake(1, 1), "3 refilled pay the debt back, nothing more");
        now.addAndGet(500_000_000L);
        assertTrue(bucket.tryTake(1, 1));
    }

    @Test
    void a_rate_below_one_a_second_still_admits_one_request_at_a_time() {
        TokenBucket bucket = TokenBucket.perSecond(0.5);
        assertTrue(bucket.tryTake(1), "a full bucket of one second's worth, at least 1");
        assertFalse(bucket.tryTake(1));
    }

    @Test
    void what_is_not_taken_stays() {
        TokenBucket bucket = new TokenBucket(1, 3, now::get);
        assertFalse(bucket.tryTake(4));
        assertTrue(bucket.tryTake(3), "the refused request took nothing");
    }

    @Test
    void a_rate_and_a_capacity_are_above_zero_and_finite() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0, now::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(Double.NaN, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, Double.POSITIVE_INFINITY, now::get));
    }
}
