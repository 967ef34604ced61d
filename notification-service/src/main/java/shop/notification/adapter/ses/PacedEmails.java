package shop.notification.adapter.ses;

import java.time.Duration;
import java.util.function.LongSupplier;
import shop.notification.application.Emails;
import shop.notification.application.SendingThrottledException;
import shop.notification.domain.Email;

/**
 * Keeps one instance's sends under its share of the SES account's maximum send rate (the account's rate divided by
 * the instances that may run at once): a token bucket holding at most one second's share, refilled continuously; a
 * send without a token waits for one. So SES rarely has to throttle, and a throttle it answers anyway (another
 * sender on the account) empties the bucket.
 */
public final class PacedEmails implements Emails {

    /** How the bucket waits; tests pass one that moves their clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private static final double NANOS_PER_SECOND = 1e9;

    private final Emails emails;
    private final double perSecond;
    private final double capacity;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private double tokens;
    private long refilledAt;

    public PacedEmails(Emails emails, double accountRatePerSecond, int instances, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(accountRatePerSecond > 0) || Double.isInfinite(accountRatePerSecond) || instances < 1) {
            throw new IllegalArgumentException("a send rate is above 0 a second, shared by 1 instance or more; not "
                    + accountRatePerSecond + "/s by " + instances);
        }
        this.emails = emails;
        this.perSecond = accountRatePerSecond / instances;
        this.capacity = Math.max(1, perSecond);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        // one second's share, at most one send: instances starting together do not burst past the account's rate
        this.tokens = Math.min(1, perSecond);
        this.refilledAt = nanoTime.getAsLong();
    }

    /** The function's pacing: the system clock and Thread.sleep. */
    public static PacedEmails sharing(Emails emails, double accountRatePerSecond, int instances) {
        return new PacedEmails(emails, accountRatePerSecond, instances, System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** How long the next send would wait for its token (zero when one is there). */
    public synchronized Duration untilNextSend() {
        refill();
        return tokens >= 1 ? Duration.ZERO : Duration.ofNanos(nanosToOneToken());
    }

    @Override
    public String send(Email email) {
        take();
        try {
            return emails.send(email);
        } catch (SendingThrottledException throttled) {
            drain();
            throw throttled;
        }
    }

    private synchronized void take() {
        refill();
        while (tokens < 1) {
            try {
                sleeper.sleep(nanosToOneToken());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing sends to SES's rate", e);
            }
            refill();
        }
        tokens -= 1;
    }

    private synchronized void drain() {
        refill();
        tokens = 0;
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) / NANOS_PER_SECOND * perSecond);
        refilledAt = now;
    }

    private long nanosToOneToken() {
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond * NANOS_PER_SECOND));
    }
}
