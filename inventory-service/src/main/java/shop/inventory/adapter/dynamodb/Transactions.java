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
 */
final class Transactions {

    /** Worth another try: the same request can succeed a moment later. */
    private static final Set<String> RETRYABLE = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded", "RequestLimitExceeded");
    /** Jittered backoff from 8 ms, doubling to 400 ms at most: about 2 s over every attempt before Lambda retries the event. */
    static final int ATTEMPTS = 10;

    private final DynamoDbClient dynamo;
    private final AtomicLong retries = new AtomicLong();

    Transactions(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Empty when the transaction committed; the cancellation reasons when a condition refused it. */
    Optional<List<CancellationReason>> write(List<TransactWriteItem> actions) {
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
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("transaction still conflicting after " + ATTEMPTS + " attempts; the event is retried later", cancelled);
                }
                retries.incrementAndGet();
                pause(attempt);
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

    private static void pause(int attempt) {
        long cap = Math.min(400, 8L << Math.min(attempt - 1, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
