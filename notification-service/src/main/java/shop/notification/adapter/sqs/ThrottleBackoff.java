package shop.notification.adapter.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;

/**
 * Keeps messages handed back because SES throttled out of sight for longer each time they are received: 90 s on the
 * first receive, doubling up to SQS's 12 h maximum, each with equal jitter (half fixed, half random) so two instances'
 * messages do not return together. With the queue's 20 receives a message waits out at least 3 days of throttling
 * (about 6 without the jitter) before the DLQ, against 30 minutes at the plain 90 s visibility timeout. The first
 * delay can be set shorter (env {@code THROTTLE_BACKOFF_FIRST_SECONDS}), as local runs shrink AWS's other delays.
 */
public final class ThrottleBackoff {

    /** One message to keep out of sight: its receipt handle (from this receive) and how often it was received. */
    public record Postponed(String messageId, String receiptHandle, int receiveCount) {
    }

    static final Duration FIRST = Duration.ofSeconds(90);
    static final Duration LONGEST = Duration.ofHours(12);
    private static final int MAX_BATCH = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ThrottleBackoff.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final DoubleSupplier random;
    private final Duration first;

    public ThrottleBackoff(SqsClient sqs, String queueUrl, DoubleSupplier random) {
        this(sqs, queueUrl, random, FIRST);
    }

    /** With {@code first} (a whole number of seconds, at least 1) instead of 90 s as the first receive's delay. */
    public ThrottleBackoff(SqsClient sqs, String queueUrl, DoubleSupplier random, Duration first) {
        if (first.toSeconds() < 1 || first.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("the first backoff is 1 s to 12 h, not " + first);
        }
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.random = random;
        this.first = first;
    }

    /** How long a message received {@code receiveCount} times stays out of sight, for a {@code random} in [0, 1). */
    public static Duration delay(int receiveCount, double random) {
        return delay(FIRST, receiveCount, random);
    }

    /** As {@link #delay(int, double)}, starting from {@code first} instead of 90 s. */
    public static Duration delay(Duration first, int receiveCount, double random) {
        int doublings = Math.min(Math.max(receiveCount, 1) - 1, 30);
        long ceiling = Math.min(LONGEST.toSeconds(), first.toSeconds() << doublings);
        return Duration.ofSeconds(ceiling / 2 + Math.round(random * (ceiling - ceiling / 2)));
    }

    /**
     * Sets each message's visibility timeout (ChangeMessageVisibilityBatch, 10 a call). Best effort: a message whose
     * change fails comes back after the queue's own visibility timeout, so a failure is logged, not thrown.
     */
    public void postpone(List<Postponed> messages) {
        for (int from = 0; from < messages.size(); from += MAX_BATCH) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (Postponed message : messages.subList(from, Math.min(from + MAX_BATCH, messages.size()))) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(entries.size()))
                        .receiptHandle(message.receiptHandle())
                        .visibilityTimeout((int) delay(first, message.receiveCount(), random.getAsDouble()).toSeconds()).build());
            }
            try {
                ChangeMessageVisibilityBatchResponse response = sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(entries));
                if (response.hasFailed() && !response.failed().isEmpty()) {
                    LOG.atWarn().addKeyValue("failed", response.failed().size())
                            .log("{} throttled messages keep the queue's visibility timeout: {}", response.failed().size(),
                                    response.failed().get(0).code());
                }
            } catch (SdkException e) {
                LOG.atWarn().log("throttled messages keep the queue's visibility timeout: {}", e.getClass().getSimpleName());
            }
        }
    }
}
