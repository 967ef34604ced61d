package shop.localcloud.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Failures local-cloud injects on purpose, to prove the system survives what AWS can do: PutEvents calls failing
 * whole (HTTP 500) or entry by entry (FailedEntryCount > 0 in a 200), and deliveries failing as a function error,
 * each a probability from 0 (never, the default) to 1 (always); and deliveries held back by a random 0 to
 * {@code deliveryDelayMillis} each, so that events reach each consumer in no guaranteed order, as EventBridge allows.
 *
 * <p>Two narrowings, for scenarios that need one particular failure rather than noise everywhere: the PutEvents
 * faults can apply only to some sources ({@link #onlyFrom}: one producer's outage), and deliveries of one detail-type
 * to some functions can be held back by a fixed time ({@link #holdingBack}: one consumer hears of a fact late, so that
 * a later fact overtakes it).
 */
public record Faults(double putEventsCallFailure, double putEventsEntryFailure, double deliveryFailure, int deliveryDelayMillis,
                     Set<String> putEventsSources, List<HoldBack> holdBacks) {

    public static final Faults NONE = new Faults(0, 0, 0);

    /** Every delivery of {@code detailType} to one of {@code functionIds} is held back by {@code millis} more. */
    public record HoldBack(String detailType, Set<String> functionIds, int millis) {

        public HoldBack {
            functionIds = Set.copyOf(functionIds);
            if (millis < 0) {
                throw new UserError("a hold-back must be 0 or more milliseconds, not " + millis);
            }
        }
    }

    public Faults(double putEventsCallFailure, double putEventsEntryFailure, double deliveryFailure) {
        this(putEventsCallFailure, putEventsEntryFailure, deliveryFailure, 0);
    }

    public Faults(double putEventsCallFailure, double putEventsEntryFailure, double deliveryFailure, int deliveryDelayMillis) {
        this(putEventsCallFailure, putEventsEntryFailure, deliveryFailure, deliveryDelayMillis, Set.of(), List.of());
    }

    /** Every rule's delivery held back by a random 0 to {@code maxMillis}: disorder, and nothing else. */
    public static Faults disorder(int maxMillis) {
        return new Faults(0, 0, 0, maxMillis);
    }

    public Faults {
        putEventsSources = Set.copyOf(putEventsSources);
        holdBacks = List.copyOf(holdBacks);
        if (deliveryDelayMillis < 0) {
            throw new UserError("a delivery delay must be 0 or more milliseconds, not " + deliveryDelayMillis);
        }
        for (double rate : new double[] {putEventsCallFailure, putEventsEntryFailure, deliveryFailure}) {
            if (rate < 0 || rate > 1) {
                throw new UserError("a --fault-* rate must be between 0 and 1, not " + rate);
            }
        }
    }

    /** These faults, with the PutEvents ones applying only to entries from {@code sources} (none given: every source). */
    public Faults onlyFrom(String... sources) {
        return new Faults(putEventsCallFailure, putEventsEntryFailure, deliveryFailure, deliveryDelayMillis, Set.of(sources), holdBacks);
    }

    /** These faults, and every delivery of {@code detailType} to {@code functionIds} held back by {@code millis} more. */
    public Faults holdingBack(String detailType, int millis, String... functionIds) {
        List<HoldBack> more = new ArrayList<>(holdBacks);
        more.add(new HoldBack(detailType, Set.copyOf(Arrays.asList(functionIds)), millis));
        return new Faults(putEventsCallFailure, putEventsEntryFailure, deliveryFailure, deliveryDelayMillis, putEventsSources, more);
    }

    /** Whether the PutEvents faults apply to an entry from {@code source}. */
    public boolean appliesTo(String source) {
        return putEventsSources.isEmpty() || putEventsSources.contains(source);
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

    /** The random part of a delivery's delay: 0 unless a delivery delay is set. */
    private long randomDelay() {
        return deliveryDelayMillis == 0 ? 0 : ThreadLocalRandom.current().nextLong(deliveryDelayMillis + 1L);
    }

    /** How long to hold back a delivery of {@code detailType} to {@code functionId}: the random delay plus any hold-back. */
    public long deliveryDelay(String detailType, String functionId) {
        long held = holdBacks.stream().filter(h -> h.detailType().equals(detailType) && h.functionIds().contains(functionId))
                .mapToLong(HoldBack::millis).sum();
        return randomDelay() + held;
    }

    /** Whether any fault is injected at all (the banner says so). */
    public boolean any() {
        return putEventsCallFailure > 0 || putEventsEntryFailure > 0 || deliveryFailure > 0 || deliveryDelayMillis > 0 || !holdBacks.isEmpty();
    }

    private static boolean happens(double rate) {
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }
}
