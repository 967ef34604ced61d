package shop.platform.logging;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Runs one invocation with its fields on every line logged during it: the request id, the correlation id that
 * the event or request carried, whether this is the JVM's first invocation, the function and the X-Ray trace.
 * The field names are the ones Powertools uses, so the usual CloudWatch Logs Insights queries work unchanged.
 */
public final class LambdaLogging {

    public static final String CORRELATION_ID = "correlation_id";

    private static final String SERVICE = System.getenv().getOrDefault("SERVICE_NAME", "");
    private static volatile boolean coldStart = true;

    private LambdaLogging() {
    }

    public static <T> T withCorrelationId(Context context, String correlationId, Supplier<T> invocation) {
        Map<String, String> outer = MDC.getCopyOfContextMap();
        boolean first = coldStart;
        coldStart = false;
        if (context != null) { // null only where a test calls a handler directly
            MDC.put("function_request_id", context.getAwsRequestId());
            MDC.put("function_name", context.getFunctionName());
            MDC.put("function_version", context.getFunctionVersion());
            MDC.put("function_arn", context.getInvokedFunctionArn());
            MDC.put("function_memory_size", Integer.toString(context.getMemoryLimitInMB()));
        }
        MDC.put("cold_start", Boolean.toString(first));
        MDC.put("service", SERVICE);
        String trace = traceId();
        if (trace != null) {
            MDC.put("xray_trace_id", trace);
        }
        MDC.put(CORRELATION_ID, correlationId);
        try {
            return invocation.get();
        } finally {
            if (outer == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(outer);
            }
        }
    }

    /** The Java runtime passes the trace header as a system property; {@code Root=1-...;Parent=...;Sampled=...}. */
    private static String traceId() {
        String header = System.getProperty("com.amazonaws.xray.traceHeader", System.getenv("_X_AMZN_TRACE_ID"));
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            if (part.startsWith("Root=")) {
                return part.substring("Root=".length());
            }
        }
        return null;
    }
}
