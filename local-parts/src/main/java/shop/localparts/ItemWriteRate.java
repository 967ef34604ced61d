package shop.localparts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * DynamoDB's per-partition write limit, scaled down and applied per item: AWS gives one partition 1,000 write units a
 * second, and a hot item is one partition, so beyond that rate its writes are throttled (on-demand tables too). Each
 * item has a {@link TokenBucket} of {@code unitsPerSecond} units, refilled continuously, holding at most one second of them (but
 * never less than 2, or a transactional write could never pass). A plain write takes 1 unit and each action of a
 * transaction 2, as AWS charges; item size is not counted (AWS charges a unit per KB). Off (everything admitted) until a
 * rate is set.
 */
final class ItemWriteRate {

    static final int PLAIN_WRITE = 1;
    static final int TRANSACTIONAL_WRITE = 2;

    private final LongSupplier nanoTime;
    /** Past this many buckets, those full again (untouched long enough to refill) are dropped, so a long run keeps few. */
    private static final int KEPT = 10_000;

    private final Map<String, TokenBucket> buckets = new HashMap<>();
    private double unitsPerSecond;
    private long lastSweep = Long.MIN_VALUE / 2;
    private long throttled;

    ItemWriteRate(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** From now on each item takes {@code unitsPerSecond} write units a second; 0 turns the limit off. */
    synchronized void limit(double unitsPerSecond) {
        if (!(unitsPerSecond >= 0) || Double.isInfinite(unitsPerSecond)) {
            throw new IllegalArgumentException("a write rate is a finite number of units a second, 0 or more, not " + unitsPerSecond);
        }
        this.unitsPerSecond = unitsPerSecond;
        buckets.clear();
    }

    /**
     * Takes {@code units} from every item's bucket if all of them have them, and answers the items that have not
     * (nothing is taken then): empty means admitted.
     */
    synchronized List<String> take(List<String> identities, int units) {
        if (unitsPerSecond == 0) {
            return List.of();
        }
        long now = nanoTime.getAsLong();
        if (buckets.size() > KEPT && now - lastSweep >= 1_000_000_000L) { // at most once a second: a sweep reads every bucket
            lastSweep = now;
            buckets.values().removeIf(TokenBucket::full);
        }
        double capacity = Math.max(unitsPerSecond, TRANSACTIONAL_WRITE);
        List<String> throttledItems = new ArrayList<>();
        for (String identity : identities) {
            if (!buckets.computeIfAbsent(identity, i -> new TokenBucket(unitsPerSecond, capacity, nanoTime)).has(units)) {
                throttledItems.add(identity);
            }
        }
        if (throttledItems.isEmpty()) {
            identities.forEach(identity -> buckets.get(identity).tryTake(units));
        } else {
            throttled++;
        }
        return throttledItems;
    }

    /** Items with a bucket now (for the tests of the clean-up). */
    synchronized int tracked() {
        return buckets.size();
    }

    /** Requests refused so far. */
    synchronized long throttled() {
        return throttled;
    }
}
