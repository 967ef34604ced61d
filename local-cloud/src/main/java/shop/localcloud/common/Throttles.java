package shop.localcloud.common;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How often each modelled AWS quota said "slow down", by part: {@code api}, {@code putEvents}, {@code ses},
 * {@code dynamodb} and {@code lambda:<FunctionLogicalId>}. A burst throttles thousands of times a second, so the flow
 * gets at most one {@code THROTTLE} line per part per second, with the count.
 */
public final class Throttles {

    public static final String API = "api";
    public static final String PUT_EVENTS = "putEvents";
    public static final String SES = "ses";
    public static final String DYNAMODB = "dynamodb";

    private final Map<String, AtomicLong> counted = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> countedElsewhere = new ConcurrentHashMap<>();
    private final Map<String, Long> reported = new ConcurrentHashMap<>();
    private final Flow flow;

    public Throttles(Flow flow) {
        this.flow = flow;
    }

    /** The part a function's concurrency throttles are counted under. */
    public static String lambda(String functionId) {
        return "lambda:" + functionId;
    }

    /** One more throttle of {@code part}. */
    public void record(String part) {
        counted.computeIfAbsent(part, p -> new AtomicLong()).incrementAndGet();
    }

    /** A part whose throttles a local stand-in counts itself (SES's front, the DynamoDB front). */
    public void countedBy(String part, LongSupplier total) {
        countedElsewhere.put(part, total);
    }

    /** Throttles of {@code part} since the start; 0 for a part that never throttled (or is not modelled). */
    public long total(String part) {
        LongSupplier elsewhere = countedElsewhere.get(part);
        AtomicLong here = counted.get(part);
        return (elsewhere == null ? 0 : elsewhere.getAsLong()) + (here == null ? 0 : here.get());
    }

    /** Every part that throttled at least once, with its total, by name. */
    public Map<String, Long> totals() {
        Map<String, Long> totals = new TreeMap<>();
        counted.keySet().forEach(part -> totals.put(part, total(part)));
        countedElsewhere.keySet().forEach(part -> totals.put(part, total(part)));
        totals.values().removeIf(total -> total == 0);
        return totals;
    }

    /** Writes, once a second, a flow line for each part that throttled since the last one. */
    public void reportEverySecond(ScheduledExecutorService timer) {
        timer.scheduleWithFixedDelay(this::report, 1, 1, TimeUnit.SECONDS);
    }

    /** A flow line for each part that throttled since the last report. */
    void report() {
        totals().forEach((part, total) -> {
            long before = reported.getOrDefault(part, 0L);
            if (total > before) {
                reported.put(part, total);
                flow.line("THROTTLE", part + ": " + (total - before) + " throttled in the last second (" + total + " since the start)");
            }
        });
    }
}
