package shop.localcloud;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Failures local-cloud injects on purpose, to prove the system survives what AWS can do: PutEvents calls failing
 * whole (HTTP 500) or entry by entry (FailedEntryCount > 0 in a 200), and deliveries failing as a function error.
 * Each is a probability from 0 (never, the default) to 1 (always).
 */
public record Faults(double putEventsCallFailure, double putEventsEntryFailure, double deliveryFailure) {

    public static final Faults NONE = new Faults(0, 0, 0);

    public Faults {
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

    boolean any() {
        return putEventsCallFailure > 0 || putEventsEntryFailure > 0 || deliveryFailure > 0;
    }

    private static boolean happens(double rate) {
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }
}
