package shop.localcloud.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import shop.localcloud.cloudformation.Model;
import shop.localcloud.cloudformation.Model.AsyncConfig;
import shop.localcloud.cloudformation.Model.RuleSpec;
import shop.localcloud.common.Faults;
import shop.localcloud.common.Flow;
import shop.localcloud.lambda.InvocationResult;
import shop.localcloud.lambda.LocalFunction;
import shop.localcloud.sqs.LocalSqs;

/**
 * Delivers events to functions the way AWS does, with its two retry layers. EventBridge hands the event to Lambda
 * (retrying per the rule's RetryPolicy, then the rule's DLQ, only when Lambda refuses it); Lambda runs it
 * asynchronously, retrying function errors per the function's EventInvokeConfig (after 1 and 2 minutes), then
 * sends an invocation record to the on-failure destination. {@code retryScale} shrinks every delay for local runs.
 */
public final class Deliveries {

    /** Lambda refuses asynchronous invocations beyond this many waiting per function (throttling). */
    static final int ASYNC_QUEUE_LIMIT = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, LocalFunction> functions;
    private final LocalSqs sqs;
    private final Map<String, String> queueNames;
    private final ScheduledExecutorService timer;
    private final Flow flow;
    private final double retryScale;
    private volatile Faults faults;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final QueueTargets queueTargets;
    private volatile Map<String, String> queueReaders = Map.of();

    public Deliveries(Map<String, LocalFunction> functions, LocalSqs sqs, Map<String, String> queueNames, ScheduledExecutorService timer,
               Flow flow, double retryScale, Faults faults) {
        this.faults = faults;
        this.functions = functions;
        this.sqs = sqs;
        this.queueNames = queueNames;
        this.timer = timer;
        this.flow = flow;
        this.retryScale = retryScale;
        this.queueTargets = new QueueTargets(sqs, queueNames, timer, flow, retryScale, this::deadLetter, inFlight::decrementAndGet);
    }

    /**
     * The function that reads each queue a rule targets (by queue logical id), so that a hold-back naming that function
     * holds back the event on its way into the queue, as it would a delivery to the function itself.
     */
    public void queueReaders(Map<String, String> functionByQueue) {
        this.queueReaders = Map.copyOf(functionByQueue);
    }

    /** EventBridge's side: hand {@code event} to the rule's target. */
    void deliver(RuleSpec rule, ObjectNode event) {
        inFlight.incrementAndGet();
        long firstNanos = System.nanoTime();
        String heldFor = rule.targetsQueue() ? queueReaders.getOrDefault(rule.queueId(), rule.queueId()) : rule.functionId();
        long delay = faults.deliveryDelay(event.path("detail-type").asText(), heldFor);
        Runnable hand = rule.targetsQueue() ? () -> queueTargets.send(rule, event, 1, firstNanos) : () -> handToTarget(rule, event, 1, firstNanos);
        if (delay > 0) {
            timer.schedule(hand, delay, TimeUnit.MILLISECONDS);
        } else {
            hand.run();
        }
    }

    /** An asynchronous invocation that does not come through a rule (schedules, custom resources). */
    public void invokeAsync(String functionId, JsonNode event, String label) {
        LocalFunction function = functions.get(functionId);
        inFlight.incrementAndGet();
        attempt(function, event, label, 1, System.nanoTime());
    }

    /** Switches the injected faults while running. */
    public void faults(Faults injected) {
        this.faults = injected;
    }

    /** Deliveries (including retries waiting for their turn) not finished yet. */
    int inFlight() {
        return inFlight.get();
    }

    /** Waits until every delivery has ended in a result, a DLQ or a drop; false if that took longer than the timeout. */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        return awaitIdle(timeoutMillis, () -> true);
    }

    /** As {@link #awaitIdle(long)}, until {@code alsoQuiet} holds too at the same time (queues read by functions drained). */
    public boolean awaitIdle(long timeoutMillis, java.util.function.BooleanSupplier alsoQuiet) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        int quietChecks = 0;
        while (System.currentTimeMillis() < deadline) {
            quietChecks = inFlight.get() == 0 && alsoQuiet.getAsBoolean() ? quietChecks + 1 : 0;
            if (quietChecks >= 3) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private void handToTarget(RuleSpec rule, ObjectNode event, int attempt, long firstNanos) {
        LocalFunction function = functions.get(rule.functionId());
        String label = label(event);
        if (function != null && function.pending().size() < ASYNC_QUEUE_LIMIT) {
            attempt(function, event, label, 1, System.nanoTime());
            return;
        }
        String reason = function == null ? "Function not found: " + rule.functionId() : "Rate Exceeded.";
        long delay = RuleRetries.nextDelayMillis(rule, attempt, firstNanos, retryScale);
        if (delay >= 0) {
            flow.line("RETRY", rule.name() + " could not hand " + label + " to " + rule.functionId() + " (" + reason + "), again in " + delay + " ms");
            timer.schedule(() -> handToTarget(rule, event, attempt + 1, firstNanos), delay, TimeUnit.MILLISECONDS);
            return;
        }
        Map<String, String> attributes = RuleRetries.deadLetterAttributes(rule,
                "arn:aws:lambda:" + Model.REGION + ":" + Model.ACCOUNT + ":function:" + rule.functionId(),
                function == null ? "RESOURCE_NOT_FOUND" : "THROTTLING", reason);
        deadLetter(rule.deadLetterQueue(), event.toString(), attributes, label + " from rule " + rule.name() + ": " + reason);
    }

    /**
     * One attempt once Lambda's concurrency caps let it start; an event throttled past its maximum age goes to the
     * on-failure destination (EventAgeExceeded) without counting the throttle as an attempt.
     */
    private void attempt(LocalFunction function, JsonNode event, String label, int attempt, long firstNanos) {
        long deadline = firstNanos + Math.round(function.spec().async().maximumEventAgeSeconds() * 1e9 * retryScale);
        function.invokeAsynchronously(() -> invokeOnce(function, event, label, attempt, firstNanos), deadline,
                () -> onFailure(function, event, label, attempt - 1,
                        InvocationResult.error("TooManyRequestsException", "Rate Exceeded.", null, 0), "EventAgeExceeded"));
    }

    private java.util.concurrent.CompletableFuture<InvocationResult> invokeOnce(LocalFunction function, JsonNode event, String label,
                                                                                int attempt, long firstNanos) {
        AsyncConfig config = function.spec().async();
        java.util.concurrent.CompletableFuture<InvocationResult> invocation = faults.failDelivery()
                ? java.util.concurrent.CompletableFuture.completedFuture(InvocationResult.error("InjectedFault",
                        "local-cloud injected this failure (--fault-delivery)", null, 0))
                : function.invoke(bytes(event));
        invocation.whenComplete((result, failure) -> {
            InvocationResult outcome = failure == null ? result
                    : InvocationResult.error("ServiceException", String.valueOf(failure.getMessage()), null, 0);
            int allowed = config.maximumRetryAttempts() + 1;
            String output = outcome.ok() ? " " + Flow.clip(outcome.payloadText(), 100) : "";
            flow.line(outcome.ok() ? "DELIVER" : "FAILED", function.id() + " <- " + label + " attempt " + attempt + "/" + allowed + ": "
                    + Flow.clip(outcome.summary(), 160) + " (" + outcome.durationMillis() + " ms)" + output);
            if (outcome.ok()) {
                inFlight.decrementAndGet();
                return;
            }
            long ageMillis = (System.nanoTime() - firstNanos) / 1_000_000L;
            boolean tooOld = ageMillis > config.maximumEventAgeSeconds() * 1000L * retryScale;
            if (attempt < allowed && !tooOld) {
                long delay = scaled(attempt == 1 ? 60_000L : 120_000L);
                timer.schedule(() -> attempt(function, event, label, attempt + 1, firstNanos), delay, TimeUnit.MILLISECONDS);
                return;
            }
            onFailure(function, event, label, attempt, outcome, tooOld ? "EventAgeExceeded" : "RetriesExhausted");
        });
        return invocation;
    }

    private void onFailure(LocalFunction function, JsonNode event, String label, int attempts, InvocationResult outcome,
                           String condition) {
        String queue = function.spec().async().onFailureQueue();
        if (queue == null) {
            flow.line("DROPPED", label + " for " + function.id() + " after " + attempts + " attempts: it has no on-failure destination");
            inFlight.decrementAndGet();
            return;
        }
        deadLetter(queue, invocationRecord(function, event, attempts, outcome, condition).toString(), Map.of(),
                label + " from " + function.id() + " after " + attempts + " attempts: " + Flow.clip(outcome.errorMessage(), 120));
    }

    /** The record Lambda sends to an on-failure destination; the event itself is its requestPayload. */
    private static ObjectNode invocationRecord(LocalFunction function, JsonNode event, int attempts, InvocationResult outcome,
                                               String condition) {
        ObjectNode record = JSON.createObjectNode();
        record.put("version", "1.0");
        record.put("timestamp", Instant.now().toString());
        ObjectNode context = record.putObject("requestContext");
        context.put("requestId", java.util.UUID.randomUUID().toString());
        context.put("functionArn", function.spec().arn() + ":$LATEST");
        context.put("condition", condition);
        context.put("approximateInvokeCount", attempts);
        record.set("requestPayload", event);
        ObjectNode response = record.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        response.put("functionError", "Unhandled");
        JsonNode payload = null;
        try {
            payload = outcome.payload() == null ? null : JSON.readTree(outcome.payload());
        } catch (java.io.IOException ignored) {
            // not JSON: use the message below
        }
        if (payload == null || !payload.isObject()) {
            ObjectNode error = JSON.createObjectNode();
            error.put("errorMessage", outcome.errorMessage());
            error.put("errorType", outcome.errorType());
            payload = error;
        }
        record.set("responsePayload", payload);
        return record;
    }

    private void deadLetter(String queueId, String body, Map<String, String> attributes, String text) {
        try {
            if (queueId == null) {
                flow.line("DROPPED", text + " (no dead-letter queue configured)");
                return;
            }
            String name = queueNames.getOrDefault(queueId, queueId);
            sqs.send(name, body, attributes);
            flow.line("DLQ", name + " <- " + text);
        } catch (RuntimeException e) {
            flow.line("DROPPED", text + " (could not write to " + queueId + ": " + e.getMessage() + ")");
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private long scaled(long millis) {
        return Math.max(1, Math.round(millis * retryScale));
    }

    public static String label(JsonNode event) {
        String replay = event.has("replay-name") ? " (replay " + event.path("replay-name").asText() + ")" : "";
        return event.path("detail-type").asText() + " " + Flow.shortId(event.path("id").asText()) + replay;
    }

    private static byte[] bytes(JsonNode event) {
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }
}
