package shop.platform.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import shop.platform.json.Json;
import shop.platform.logging.LambdaLogging;

/**
 * What every EventBridge-triggered consumer does around its own step: read and check the event, run the step
 * with the event's correlation id on every log line, log one line saying what was handled and with what result,
 * write the step's result as JSON, and on failure log one line (never personal data: exception messages here are
 * written to name fields, not values) and rethrow, so that Lambda retries the event and then sends it to the
 * consumer's dead-letter queue.
 */
public final class EventConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);

    private EventConsumer() {
    }

    /**
     * {@code step} returns the answer: a JSON object that names the use case's {@code outcome} (see {@link #answer}),
     * every field of which is logged too.
     */
    public static void consume(InputStream input, OutputStream output, Context context,
                               Function<IncomingEvent, ObjectNode> step) throws IOException {
        IncomingEvent event;
        try {
            event = IncomingEvent.read(input);
        } catch (MalformedEventException e) {
            LambdaLogging.withCorrelationId(context, "unknown", () -> {
                LOG.atError().addKeyValue("reject_reason", e.getMessage()).log("rejected an unreadable event: {}", e.getMessage());
                return null;
            });
            throw e;
        }
        JsonNode result = LambdaLogging.withCorrelationId(context, event.metadata().correlationId(), () -> run(event, step));
        Json.write(output, result);
    }

    /** The answer of a consumer: {@code {"outcome": outcome}}, to which a consumer may add what else the outcome says. */
    public static ObjectNode answer(String outcome) {
        return Json.object().put("outcome", outcome);
    }

    private static JsonNode run(IncomingEvent event, Function<IncomingEvent, ObjectNode> step) {
        String eventId = event.metadata().eventId();
        try {
            JsonNode answer = step.apply(event);
            JsonNode result = answer == null ? NullNode.instance : answer;
            LoggingEventBuilder line = LOG.atInfo()
                    .addKeyValue("event_id", eventId)
                    .addKeyValue("order_id", event.data().path("orderId").asText())
                    .addKeyValue("replay", event.replayName().orElse(""));
            for (Map.Entry<String, JsonNode> field : result.properties()) {
                line = line.addKeyValue(field.getKey(), field.getValue());
            }
            JsonNode outcome = result.path("outcome");
            line.log("handled {} {}: {}", event.detailType(), eventId, outcome.isTextual() ? outcome.textValue() : Json.string(result));
            return result;
        } catch (MalformedEventException e) {
            LOG.atError().addKeyValue("reject_reason", e.getMessage()).addKeyValue("event_id", eventId)
                    .log("rejected {} event {}: {}", event.detailType(), eventId, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            // the class name only: an SDK message could quote request content
            LOG.atWarn().addKeyValue("event_id", eventId)
                    .log("{} event {} failed, Lambda retries it: {}", event.detailType(), eventId, e.getClass().getSimpleName());
            throw e;
        }
    }
}
