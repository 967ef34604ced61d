package shop.platform.priming;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.events.IncomingEvent;
import software.amazon.awssdk.core.warmup.SdkWarmUp;

/**
 * SnapStart priming: before Lambda snapshots an initialised function, run each handler's side-effect-free steps (SDK
 * calls that change nothing, the handler's decoding path), so the restored function's first invocation finds its
 * classes loaded and initialised and its SDK clients' signing, marshalling and HTTP paths already taken.
 */
public final class Priming {

    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
    /** org.crac holds resources weakly: this list keeps each registered hook alive as long as the function runs. */
    private static final List<Resource> HOOKS = new CopyOnWriteArrayList<>();

    static {
        // the SDK's own warm-up (2.58): every client on the classpath runs one call against canned responses, no network
        register("AWS SDK clients (canned responses)", SdkWarmUp::warmUp);
    }

    private Priming() {
    }

    /** Registers {@code step} to run before the snapshot (a CRaC {@code beforeCheckpoint}); never fails the checkpoint. */
    public static Resource register(String name, Runnable step) {
        Resource hook = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                run(name, step);
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                // nothing: clients reconnect by themselves, credentials come from the restored environment
            }
        };
        HOOKS.add(hook);
        Core.getGlobalContext().register(hook);
        return hook;
    }

    /** Runs one step; a failure is logged (class name only) and swallowed: priming only ever saves time. */
    public static boolean run(String name, Runnable step) {
        long start = System.nanoTime();
        try {
            step.run();
            LOG.info("primed {} in {} ms", name, (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("priming {} failed ({}); the first invocation after restore will be slower", name, e.getClass().getSimpleName());
            return false;
        }
    }

    /** Runs every registered step now, as a checkpoint would; returns how many there were. For tests and benchmarks. */
    public static int primeNow() throws Exception {
        for (Resource hook : HOOKS) {
            hook.beforeCheckpoint(null);
        }
        return HOOKS.size();
    }

    /**
     * A valid OrderPlaced as a consumer receives it, with ids that no real order has (all-zero UUIDs), for decoding
     * paths only: a consumer must never run its use case on it.
     */
    public static IncomingEvent orderPlaced() {
        return IncomingEvent.read(new ByteArrayInputStream(ORDER_PLACED.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A valid OrderConfirmed as a consumer receives it, with ids that no real order has (all-zero UUIDs), for
     * decoding paths only: a consumer must never run its use case on it.
     */
    public static IncomingEvent orderConfirmed() {
        return IncomingEvent.read(new ByteArrayInputStream(ORDER_CONFIRMED.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String ZERO = "00000000-0000-0000-0000-000000000000";
    private static final String ORDER_PLACED = """
            {"version":"0","id":"%1$s","detail-type":"OrderPlaced","source":"shop.orders","account":"000000000000",
             "time":"2026-01-01T00:00:00Z","region":"eu-west-1","resources":[],
             "detail":{"metadata":{"eventId":"%1$s","eventType":"OrderPlaced","schemaVersion":"1.0",
               "occurredAt":"2026-01-01T00:00:00Z","correlationId":"%1$s","producer":"order-service"},
              "data":{"orderId":"%1$s","customerId":"priming","placedAt":"2026-01-01T00:00:00Z",
               "lines":[{"sku":"SKU-1","quantity":1,"unitPrice":{"amount":"1.00","currency":"EUR"},
                         "lineTotal":{"amount":"1.00","currency":"EUR"}}],
               "total":{"amount":"1.00","currency":"EUR"},
               "shippingAddress":{"name":"Priming","line1":"-","city":"-","postalCode":"-","country":"DE"},
               "contactEmail":"priming@example.com"}}}
            """.formatted(ZERO);

    private static final String ORDER_CONFIRMED = """
            {"version":"0","id":"%1$s","detail-type":"OrderConfirmed","source":"shop.orders","account":"000000000000",
             "time":"2026-01-01T00:00:00Z","region":"eu-west-1","resources":[],
             "detail":{"metadata":{"eventId":"%1$s","eventType":"OrderConfirmed","schemaVersion":"1.0",
               "occurredAt":"2026-01-01T00:00:00Z","correlationId":"%1$s","producer":"order-service"},
              "data":{"orderId":"%1$s","customerId":"priming","placedAt":"2026-01-01T00:00:00Z",
               "confirmedAt":"2026-01-01T00:00:00Z",
               "lines":[{"sku":"SKU-1","quantity":1,"unitPrice":{"amount":"1.00","currency":"EUR"},
                         "lineTotal":{"amount":"1.00","currency":"EUR"}}],
               "total":{"amount":"1.00","currency":"EUR"},
               "shippingAddress":{"name":"Priming","line1":"-","city":"-","postalCode":"-","country":"DE"},
               "contactEmail":"priming@example.com"}}}
            """.formatted(ZERO);
}
