package shop.localcloud;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Failures local-cloud injects on purpose, to prove the system survives what AWS can do: PutEvents calls failing
 * whole (HTTP 500) or entry by entry (FailedEntryCount > 0 in a 200), and deliveries failing as a function error,
 * each a probability from 0 (never, the default) to 1 (always); and deliveries held back by a random 0 to
 * {@code deliveryDelayMillis} each, so that events reach each consumer in no guaranteed order, as EventBridge allows.
 */
public record Faults(double putEventsCallFailure, double putEventsEntryFailure, double deliveryFailure, int deliveryDelayMillis) {

    public static final Faults NONE = new Faults(0, 0, 0);

    public Faults(double putEventsCallFailure, double putEventsEntryFailure, double deliveryFailure) {
        this(putEventsCallFailure, putEventsEntryFailure, deliveryFailure, 0);
    }

    /** Every rule's delivery held back by a random 0 to {@code maxMillis}: disorder, and nothing else. */
    public static Faults disorder(int maxMillis) {
        return new Faults(0, 0, 0, maxMillis);
    }

    public Faults {
        if (deliveryDelayMillis < 0) {
            throw new UserError("a delivery delay must be 0 or more milliseconds, not " + deliveryDelayMillis);
        }
        for (double rate : new double[] {putEventsCallFailure, putEventsEntryFailure, deliveryFailure}) {
            if (rate < 0 || rate > 1) {
                throw new UserError("a --fault-* rate must be between 0 and 1, not " + rate);
            }
        }
    }

    public boolean failPutEventsCall() {
        return happens(putEventsCallFailure);
    }

    public boolean failPutEventsEntry() {
        return happens(putEventsEntryFailure);
    }

    public boolean failDelivery() {
        return happens(deliveryFailure);
    }

    /** How long to hold back the next delivery: 0 unless a delivery delay is set. */
    public long deliveryDelay() {
        return deliveryDelayMillis == 0 ? 0 : ThreadLocalRandom.current().nextLong(deliveryDelayMillis + 1L);
    }

    boolean any() {
        return putEventsCallFailure > 0 || putEventsEntryFailure > 0 || deliveryFailure > 0 || deliveryDelayMillis > 0;
    }

    private static boolean happens(double rate) {
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }
}
