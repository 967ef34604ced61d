package shop.platform.events;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.json.Json;
import shop.platform.logging.LambdaLogging;

/**
 * What every EventBridge-triggered consumer does around its own step: read and check the event, run the step
 * with the event's correlation id on every log line, write the step's result as JSON, and on failure log one
 * line (never personal data: exception messages here are written to name fields, not values) and rethrow, so
 * that Lambda retries the event and then sends it to the consumer's dead-letter queue.
 */
public final class EventConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);

    private EventConsumer() {
    }

    public static void consume(InputStream input, OutputStream output, Context context,
                               Function<IncomingEvent, ?> step) throws IOException {
        IncomingEvent event;
        try {
            event = IncomingEvent.read(input);
        } catch (MalformedEventException e) {
            LambdaLogging.withCorrelationId(context, "unknown", () -> {
                LOG.error("rejected an unreadable event: {}", e.getMessage(), entry("rejectReason", e.getMessage()));
                return null;
            });
            throw e;
        }
        Object result = LambdaLogging.withCorrelationId(context, event.metadata().correlationId(), () -> run(event, step));
        Json.MAPPER.writeValue(output, result);
    }

    private static Object run(IncomingEvent event, Function<IncomingEvent, ?> step) {
        String eventId = event.metadata().eventId();
        try {
            return step.apply(event);
        } catch (MalformedEventException e) {
            LOG.error("rejected {} event {}: {}", event.detailType(), eventId, e.getMessage(),
                    entry("rejectReason", e.getMessage()), entry("eventId", eventId));
            throw e;
        } catch (RuntimeException e) {
            // the class name only: an SDK message could quote request content
            LOG.warn("{} event {} failed, Lambda retries it: {}", event.detailType(), eventId, e.getClass().getSimpleName(),
                    entry("eventId", eventId));
            throw e;
        }
    }
}
