package shop.benchmarks.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Stands in for SnapStart where no CRaC JVM runs: builds the real handler (its init), then runs the priming that
 * {@code beforeCheckpoint} would run, then serves invocations. The restore itself cannot be measured here, but the
 * first invocation after priming is what a restored function's first invocation costs on top of the restore.
 */
public final class SnapStartSimulation implements RequestStreamHandler {

    public static final String HANDLER_VARIABLE = "SHOP_BENCH_HANDLER";
    private final RequestStreamHandler handler;

    public SnapStartSimulation() throws ReflectiveOperationException {
        String name = System.getenv(HANDLER_VARIABLE);
        String type = name.contains("::") ? name.substring(0, name.indexOf("::")) : name;
        handler = (RequestStreamHandler) Class.forName(type).getConstructor().newInstance();
        Class.forName("shop.platform.priming.Priming").getMethod("primeNow").invoke(null);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        handler.handleRequest(input, output, context);
    }
}
