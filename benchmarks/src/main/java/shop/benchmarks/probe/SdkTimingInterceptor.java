package shop.benchmarks.probe;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times every AWS SDK call of a function (whole call, and the wire part from request sent to response received) and
 * prints one line per call tagged with the invocation's trace id. Registered as an SDK global interceptor by a jar
 * that only the benchmark harness puts on the function's classpath: the deployed artifacts never contain it.
 */
public final class SdkTimingInterceptor implements ExecutionInterceptor {

    public static final String PREFIX = "SHOP_BENCH_SDK ";
    private static final ExecutionAttribute<Long> CALL_START = new ExecutionAttribute<>("shopBenchCallStart");
    private static final ExecutionAttribute<Long> WIRE_START = new ExecutionAttribute<>("shopBenchWireStart");
    private static final ExecutionAttribute<Long> WIRE_NANOS = new ExecutionAttribute<>("shopBenchWireNanos");

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(CALL_START, System.nanoTime());
        attributes.putAttribute(WIRE_NANOS, 0L);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(WIRE_START, System.nanoTime());
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Long start = attributes.getAttribute(WIRE_START);
        if (start != null) {
            attributes.putAttribute(WIRE_NANOS, attributes.getAttribute(WIRE_NANOS) + System.nanoTime() - start);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        report(attributes, "ok");
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        report(attributes, "failed");
    }

    private static void report(ExecutionAttributes attributes, String outcome) {
        Long start = attributes.getAttribute(CALL_START);
        if (start == null) {
            return;
        }
        long call = System.nanoTime() - start;
        System.out.println(PREFIX + System.getProperty("com.amazonaws.xray.traceHeader", "-") + " "
                + attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " "
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " " + outcome + " " + call + " "
                + attributes.getAttribute(WIRE_NANOS));
    }
}
