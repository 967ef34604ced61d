package shop.platform.priming;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
     * A sample event of a consumer's own, read from {@code resource} on {@code owner}'s class path (the function's own
     * jar), for the consumer's decoding path only: it must name no real order (all-zero ids), and a consumer must never
     * run its use case on it. Each context keeps the samples of the events it subscribes to; platform holds none.
     */
    public static IncomingEvent sampleEvent(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path of " + owner.getName());
            }
            return IncomingEvent.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
