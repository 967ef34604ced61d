package shop.inventory.adapter.dynamodb;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One TransactWriteItems, retried the way DynamoDB asks: a transaction that met another one on an item
 * ({@code TransactionConflict}, frequent on a hot sku) or a throttle is tried again after a jittered backoff. A refused
 * condition is an answer, not an error: the caller gets the reasons, one per action, and reads which condition failed.
 *
 * <p>A conflict passes in milliseconds, so it gets {@link #ATTEMPTS} tries. A throttle lasts as long as a flash sale
 * keeps its sku's partition at its write limit, so it is waited out for up to {@link #THROTTLE_BUDGET_MILLIS} (the
 * function's timeout is 15 s) with backoff up to 1 s: Lambda's two retries alone dead-lettered reservations of a hot
 * sku held at its limit for longer than them (FlashSaleTest).
 */
final class Transactions {

    /** Worth another try: the same request can succeed a moment later. */
    private static final Set<String> RETRYABLE = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded", "RequestLimitExceeded");
    /** The throttles among them: waited out for longer than a conflict. */
    private static final Set<String> THROTTLES = Set.of("ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded");
    /** How long a throttled transaction keeps trying within one invocation. */
    static final long THROTTLE_BUDGET_MILLIS = 10_000;
    /** Jittered backoff from 8 ms, doubling to 400 ms at most: about 2 s over every attempt before Lambda retries the event. */
    static final int ATTEMPTS = 10;

    private final DynamoDbClient dynamo;
    private final AtomicLong retries = new AtomicLong();

    Transactions(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Empty when the transaction committed; the cancellation reasons when a condition refused it. */
    Optional<List<CancellationReason>> write(List<TransactWriteItem> actions) {
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(actions));
                return Optional.empty();
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.cancellationReasons();
                if (reasons.stream().noneMatch(reason -> RETRYABLE.contains(reason.code()))) {
                    if (reasons.stream().anyMatch(Transactions::conditionFailed)) {
                        return Optional.of(reasons);
                    }
                    throw cancelled; // a reason no retry or caller can mend (validation, item too large): the event is retried, then parked in the DLQ
                }
                boolean throttled = reasons.stream().anyMatch(reason -> THROTTLES.contains(reason.code()));
                if (throttled && (System.nanoTime() - started) / 1_000_000 >= THROTTLE_BUDGET_MILLIS) {
                    throw new IllegalStateException("transaction still throttled after " + THROTTLE_BUDGET_MILLIS
                            + " ms; the event is retried later", cancelled);
                }
                if (!throttled && attempt >= ATTEMPTS) {
                    throw new IllegalStateException("transaction still conflicting after " + ATTEMPTS + " attempts; the event is retried later", cancelled);
                }
                retries.incrementAndGet();
                pause(attempt, throttled ? 1000 : 400);
            }
        }
    }

    static boolean conditionFailed(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    /** Attempts that met a conflict or a throttle and were tried again, since this adapter was built. */
    long retries() {
        return retries.get();
    }

    private static void pause(int attempt, long longest) {
        long cap = Math.min(longest, 8L << Math.min(attempt - 1, 7));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
