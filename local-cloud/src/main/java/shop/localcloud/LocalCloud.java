package shop.localcloud;

import java.io.PrintStream;
import shop.localcloud.common.Flow;

/**
 * The whole system of template.yaml on loopback, as one thing to start and to stop: local parts first, then
 * functions, bus, seeds and the HTTP API ({@code Startup} says in which order). What a caller may read of it, and
 * do to it as a client, is its {@link #view()}: {@code try (LocalCloud cloud = LocalCloud.start(options, System.out))}.
 */
public final class LocalCloud implements AutoCloseable {

    private final Resources resources;
    private final CloudView view;
    private final Banner banner;

    LocalCloud(Resources resources, CloudView view, Banner banner) {
        this.resources = resources;
        this.view = view;
        this.banner = banner;
    }

    /** Starts the whole system, printing its flow (one line per request, event, delivery, DLQ arrival) to {@code flow}. */
    public static LocalCloud start(Options options, PrintStream flow) {
        return start(options, new Flow(flow));
    }

    public static LocalCloud start(Options options, Flow flow) {
        return Startup.start(options, flow, true);
    }

    /**
     * Local parts, functions, bus (events are archived, not routed) and seeds, but no HTTP API, edge endpoint or
     * schedules: what {@code local-cloud invoke} and the benchmarks' function measurements need.
     */
    public static LocalCloud startParts(Options options, Flow flow) {
        return Startup.start(options.withoutRouting(), flow, false);
    }

    /** Its endpoints, names and state, and the levers a client has. */
    public CloudView view() {
        return view;
    }

    /** The banner: what runs where, and how to look at it. */
    public void describe(PrintStream out) {
        banner.print(out);
    }

    /** Stops every part, the functions' JVMs included, in the reverse order of their start. */
    @Override
    public void close() {
        resources.close();
    }
}
