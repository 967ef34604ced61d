package shop.localparts;

import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The front's isolation: a call that names its items (a single-item call, a batch, a transaction) locks those items
 * only, so a transaction waits for nothing but the calls that touch its items, and no call ever sees a transaction's
 * item half-way (applied, then put back); a call that cannot name its items (Query, Scan, table calls) locks
 * everything for its moment. Items map onto a fixed set of stripes, taken in ascending order, after the global lock's
 * shared side: no two callers can wait on each other in a circle.
 */
final class ItemLocks {

    private static final int STRIPES = 1024;

    private final ReentrantReadWriteLock global = new ReentrantReadWriteLock(true);
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    ItemLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    /** Runs {@code call} holding the items' stripes ({@link DynaliteWire#identity} of each); none: only the shared side. */
    <T> T items(Collection<String> identities, Supplier<T> call) {
        TreeSet<Integer> taken = new TreeSet<>();
        identities.forEach(identity -> taken.add(Math.floorMod(identity.hashCode(), STRIPES)));
        global.readLock().lock();
        int held = 0;
        try {
            for (int stripe : taken) {
                stripes[stripe].lock();
                held++;
            }
            return call.get();
        } finally {
            taken.stream().limit(held).forEach(stripe -> stripes[stripe].unlock());
            global.readLock().unlock();
        }
    }

    /** Runs {@code call} with every item locked: for calls that read or change items they cannot name beforehand. */
    <T> T everything(Supplier<T> call) {
        global.writeLock().lock();
        try {
            return call.get();
        } finally {
            global.writeLock().unlock();
        }
    }
}
