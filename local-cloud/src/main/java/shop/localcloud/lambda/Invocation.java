package shop.localcloud.lambda;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One request waiting for, or being handled by, a function instance. */
public final class Invocation {

    final String requestId = UUID.randomUUID().toString();
    final String traceId = "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 24) + ";Sampled=0";
    final byte[] payload;
    /** Where the function's output lines go while (and just after) this invocation runs; null: nowhere extra. */
    final Consumer<String> logLines;
    final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    volatile long startedNanos;

    Invocation(byte[] payload, Consumer<String> logLines) {
        this.payload = payload;
        this.logLines = logLines;
    }

    long elapsedMillis() {
        return startedNanos == 0 ? 0 : (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
