package shop.platform.logging;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.function.Supplier;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Wraps one invocation in Powertools' structured logging (request id, cold start, function name) and puts the
 * correlation id on every line logged during it, without AspectJ.
 */
public final class LambdaLogging {

    public static final String CORRELATION_ID = "correlation_id";

    private LambdaLogging() {
    }

    public static <T> T withCorrelationId(Context context, String correlationId, Supplier<T> invocation) {
        return PowertoolsLogging.withLogging(context, () -> {
            MDC.put(CORRELATION_ID, correlationId);
            try {
                return invocation.get();
            } finally {
                MDC.remove(CORRELATION_ID);
            }
        });
    }
}
