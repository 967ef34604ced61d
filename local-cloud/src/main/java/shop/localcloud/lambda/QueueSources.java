package shop.localcloud.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import shop.localcloud.cloudformation.Model.QueueSourceSpec;
import shop.localcloud.cloudformation.Model.QueueSpec;
import shop.localcloud.cloudformation.Model.SystemSpec;
import shop.localcloud.common.Faults;
import shop.localcloud.common.Flow;
import shop.localcloud.sqs.LocalSqs;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lambda's event source mappings from SQS queues: for each, up to {@code MaximumConcurrency} pollers (five, AWS's
 * starting number, without a ScalingConfig; the function's JVMs cap them too) long-poll the queue, gather up to
 * BatchSize messages within MaximumBatchingWindowInSeconds, invoke the function synchronously with the SQS event and
 * delete what it processed: all on success, all but its {@code batchItemFailures} under ReportBatchItemFailures (an
 * identifier that is no message of the batch fails the whole batch), none on a function error. What is left comes
 * back after the queue's visibility timeout (scaled, and counted from the end of the invocation: see {@code release}),
 * and SQS's redrive moves it to the DLQ after maxReceiveCount receives.
 */
public final class QueueSources implements AutoCloseable {

    /** How many batches AWS starts polling with when a mapping sets no MaximumConcurrency. */
    public static final int DEFAULT_POLLERS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One mapping with what it reads and invokes. {@code visibilitySeconds}: the queue's visibility timeout as it runs
     * here (scaled); {@code holdSeconds}: how long a batch stays invisible while it is gathered and its function runs.
     */
    private record Mapping(QueueSourceSpec spec, LocalFunction function, QueueSpec queue, String url, QueueSpec deadLetters,
                           int visibilitySeconds, int holdSeconds) {
    }

    private final List<Mapping> mappings = new ArrayList<>();
    private final SqsClient client;
    private final Flow flow;
    private final List<Thread> pollers = new ArrayList<>();
    private volatile Faults faults;
    private volatile boolean closed;

    public QueueSources(SystemSpec spec, Map<String, LocalFunction> functions, LocalSqs sqs, double retryScale, Flow flow, Faults faults) {
        this.flow = flow;
        this.faults = faults;
        this.client = LocalSqs.client(sqs.endpoint());
        for (QueueSourceSpec source : spec.queueSources()) {
            QueueSpec queue = spec.queue(source.queueId());
            QueueSpec deadLetters = queue.deadLetterQueue() == null ? null : spec.queue(queue.deadLetterQueue());
            LocalFunction function = functions.get(source.functionId());
            mappings.add(new Mapping(source, function, queue, sqs.queueUrl(queue.name()), deadLetters,
                    LocalSqs.scaledSeconds(queue.visibilityTimeoutSeconds(), retryScale),
                    function.spec().timeoutSeconds() + source.maximumBatchingWindowSeconds() + 60));
        }
    }

    /** Starts the pollers of every enabled mapping. */
    public void start() {
        for (Mapping mapping : mappings) {
            if (!mapping.spec().enabled()) {
                flow.line("POLL", mapping.spec().name() + " is disabled: " + mapping.queue().name() + " is not read");
                continue;
            }
            Integer maximum = mapping.spec().maximumConcurrency();
            for (int i = 0; i < (maximum == null ? DEFAULT_POLLERS : maximum); i++) {
                Thread thread = new Thread(() -> poll(mapping), "sqs-poller-" + mapping.spec().name() + "-" + i);
                thread.setDaemon(true);
                pollers.add(thread);
                thread.start();
            }
        }
    }

    /** The function that reads each queue, by the queue's logical id. */
    public static Map<String, String> readers(SystemSpec spec) {
        Map<String, String> readers = new LinkedHashMap<>();
        spec.queueSources().forEach(s -> readers.putIfAbsent(s.queueId(), s.functionId()));
        return readers;
    }

    /** Switches the injected faults: {@code --fault-delivery} fails a batch's invocation as a function error. */
    public void faults(Faults injected) {
        this.faults = injected;
    }

    /**
     * No message (visible, in flight or delayed) in any queue a mapping reads: a batch in a poller's hands is in flight
     * until it is deleted, and an event its function puts is a delivery before the batch is deleted.
     */
    public boolean quiet() {
        for (Mapping mapping : mappings) {
            Map<String, String> counts = client.getQueueAttributes(b -> b.queueUrl(mapping.url()).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributesAsStrings();
            if (counts.values().stream().anyMatch(count -> !"0".equals(count))) {
                return false;
            }
        }
        return true;
    }

    private void poll(Mapping mapping) {
        try {
            while (!closed) {
                try {
                    List<Message> batch = gather(mapping);
                    if (!batch.isEmpty()) {
                        handle(mapping, batch);
                    }
                } catch (RuntimeException e) {
                    if (closed) {
                        return;
                    }
                    flow.line("FAILED", "polling " + mapping.queue().name() + " for " + mapping.spec().functionId() + ": "
                            + Flow.clip(e.getMessage(), 160));
                    Thread.sleep(1000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
        }
    }

    /** Up to BatchSize messages: long-polls for the first, then gathers until the batch is full or the window ends. */
    private List<Message> gather(Mapping mapping) throws InterruptedException {
        List<Message> batch = new ArrayList<>();
        long windowEnd = 0;
        while (!closed && batch.size() < mapping.spec().batchSize()) {
            int wanted = Math.min(10, mapping.spec().batchSize() - batch.size());
            int waitSeconds = batch.isEmpty() ? 1 : 0;
            List<Message> received = client.receiveMessage(b -> b.queueUrl(mapping.url()).maxNumberOfMessages(wanted)
                    .waitTimeSeconds(waitSeconds).visibilityTimeout(mapping.holdSeconds()).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
            if (batch.isEmpty() && !received.isEmpty()) {
                windowEnd = System.nanoTime() + mapping.spec().maximumBatchingWindowSeconds() * 1_000_000_000L;
            }
            batch.addAll(received);
            if (!batch.isEmpty() && System.nanoTime() - windowEnd >= 0) {
                break;
            }
            if (!batch.isEmpty() && received.isEmpty()) {
                Thread.sleep(50);
            }
        }
        return closed ? List.of() : batch;
    }

    private void handle(Mapping mapping, List<Message> batch) throws InterruptedException {
        String function = mapping.spec().functionId();
        String from = batch.size() + (batch.size() == 1 ? " message" : " messages") + " from " + mapping.queue().name();
        flow.line("POLL", mapping.queue().name() + " -> " + function + ": " + batch.size() + " (" + labels(batch) + ")");
        InvocationResult outcome = invoke(mapping, batch);
        Set<String> ids = batch.stream().map(Message::messageId).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> kept = !outcome.ok() ? ids
                : mapping.spec().reportBatchItemFailures() ? SqsBatches.itemFailures(outcome.payload(), ids) : Set.of();
        String took = " (" + outcome.durationMillis() + " ms)";
        if (kept == null) {
            flow.line("FAILED", function + " <- " + from + ": its batchItemFailures name no message of the batch, so the whole batch"
                    + " failed: " + Flow.clip(outcome.payloadText(), 120) + took);
            kept = ids;
        } else if (!outcome.ok()) {
            flow.line("FAILED", function + " <- " + from + ": " + Flow.clip(outcome.summary(), 160) + took);
        } else {
            Set<String> failed = kept;
            String partial = failed.isEmpty() ? "" : ", " + failed.size() + " reported failed ("
                    + labels(batch.stream().filter(m -> failed.contains(m.messageId())).toList()) + ")";
            flow.line("DELIVER", function + " <- " + from + ": ok" + partial + took);
        }
        delete(mapping, batch, kept);
        release(mapping, batch, kept);
        for (Message message : batch) {
            if (kept.contains(message.messageId()) && mapping.deadLetters() != null && receiveCount(message) >= mapping.queue().maxReceiveCount()) {
                flow.line("DLQ", mapping.deadLetters().name() + " <- " + label(message) + " from " + mapping.queue().name() + " after "
                        + receiveCount(message) + " receives (SQS redrive, once its visibility timeout ends)");
            }
        }
    }

    private InvocationResult invoke(Mapping mapping, List<Message> batch) throws InterruptedException {
        if (faults.failDelivery()) {
            return InvocationResult.error("InjectedFault", "local-cloud injected this failure (--fault-delivery)", null, 0);
        }
        byte[] event = SqsBatches.event(batch, mapping.queue().arn()).toString().getBytes(StandardCharsets.UTF_8);
        try {
            return mapping.function().invoke(event).get();
        } catch (ExecutionException e) {
            return InvocationResult.error("ServiceException", String.valueOf(e.getCause()), null, 0);
        }
    }

    private void delete(Mapping mapping, List<Message> batch, Set<String> kept) {
        List<DeleteMessageBatchRequestEntry> entries = batch.stream().filter(m -> !kept.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList();
        for (int i = 0; i < entries.size(); i += 10) {
            List<DeleteMessageBatchRequestEntry> chunk = entries.subList(i, Math.min(entries.size(), i + 10));
            client.deleteMessageBatch(b -> b.queueUrl(mapping.url()).entries(chunk));
        }
    }

    /**
     * The messages left start their visibility timeout now. AWS's starts at the receive, and Lambda refuses a mapping
     * whose queue's timeout is shorter than the function's; here the timeout is scaled down and the function's run
     * time is not, so the batch was held invisible while the function ran, and waits out the (scaled) timeout after.
     */
    private void release(Mapping mapping, List<Message> batch, Set<String> kept) {
        for (Message message : batch) {
            if (kept.contains(message.messageId())) {
                client.changeMessageVisibility(b -> b.queueUrl(mapping.url()).receiptHandle(message.receiptHandle())
                        .visibilityTimeout(mapping.visibilitySeconds()));
            }
        }
    }

    private static int receiveCount(Message message) {
        return Integer.parseInt(message.attributesAsStrings().getOrDefault("ApproximateReceiveCount", "1"));
    }

    private static String labels(List<Message> messages) {
        return messages.stream().map(QueueSources::label).collect(Collectors.joining(", "));
    }

    /** "OrderConfirmed 1a2b3c4d, receive 2" for an EventBridge event; the message id otherwise. */
    static String label(Message message) {
        String what = "message " + Flow.shortId(message.messageId());
        try {
            JsonNode body = JSON.readTree(message.body());
            if (body != null && body.hasNonNull("detail-type") && body.hasNonNull("id")) {
                what = body.path("detail-type").asText() + " " + Flow.shortId(body.path("id").asText());
            }
        } catch (IOException notJson) {
            // a message that is not an event: named by its id
        }
        return what + ", receive " + receiveCount(message);
    }

    @Override
    public void close() {
        closed = true;
        pollers.forEach(Thread::interrupt);
        for (Thread poller : pollers) {
            try {
                poller.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        client.close();
    }
}
