package shop.localparts;

import java.util.function.LongSupplier;

/**
 * The token bucket AWS describes for its throttles (API Gateway, EventBridge, SES, a DynamoDB partition): it holds at
 * most {@code capacity} tokens, refills continuously at {@code perSecond}, and a request passes only while tokens are
 * left. One class for every quota local-cloud models, so each rate is counted the same way.
 */
public final class TokenBucket {

    private final double perSecond;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    /** A full bucket of {@code capacity} tokens refilled at {@code perSecond}, on the clock {@code nanoTime}. */
    public TokenBucket(double perSecond, double capacity, LongSupplier nanoTime) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond) || !(capacity > 0) || Double.isInfinite(capacity)) {
            throw new IllegalArgumentException("a token bucket refills above 0 a second and holds above 0, not "
                    + perSecond + "/s and " + capacity);
        }
        this.perSecond = perSecond;
        this.capacity = capacity;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.refilledAt = nanoTime.getAsLong();
    }

    /**
     * {@code perSecond} a second with a burst of one second's worth (what most AWS request-rate quotas allow), but
     * never less than one request, or a rate below 1 a second would admit nothing.
     */
    public static TokenBucket perSecond(double perSecond) {
        return new TokenBucket(perSecond, Math.max(1, perSecond), System::nanoTime);
    }

    /** {@code perSecond} a second with a burst of {@code burst}, starting full (API Gateway's rate and burst limits). */
    public static TokenBucket perSecondWithBurst(double perSecond, double burst) {
        return new TokenBucket(perSecond, burst, System::nanoTime);
    }

    /** Takes {@code units} if that many are left; false (nothing taken) otherwise. */
    public synchronized boolean tryTake(double units) {
        return tryTake(units, units);
    }

    /**
     * Takes {@code units} if at least {@code required} are left, even if that leaves the bucket owing (the next
     * requests then wait until it has refilled); false (nothing taken) otherwise. SES lets a message go to more
     * recipients than the second has left, as long as some are left.
     */
    public synchronized boolean tryTake(double units, double required) {
        refill();
        if (tokens < required) {
            return false;
        }
        tokens -= units;
        return true;
    }

    /** Whether {@code units} could be taken now (nothing is taken). */
    public synchronized boolean has(double units) {
        refill();
        return tokens >= units;
    }

    /** Whether the bucket has refilled completely: one nobody used for a while, which a holder of many may drop. */
    public synchronized boolean full() {
        refill();
        return tokens >= capacity;
    }

    public double perSecond() {
        return perSecond;
    }

    public double capacity() {
        return capacity;
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * perSecond);
        refilledAt = now;
    }
}
