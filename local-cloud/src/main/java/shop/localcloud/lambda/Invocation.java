package shop.localcloud.lambda;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** One request waiting for, or being handled by, a function instance. */
public final class Invocation {

    final String requestId = UUID.randomUUID().toString();
    final String traceId = "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 24) + ";Sampled=0";
    final byte[] payload;
    final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    volatile long startedNanos;

    Invocation(byte[] payload) {
        this.payload = payload;
    }

    long elapsedMillis() {
        return startedNanos == 0 ? 0 : (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
