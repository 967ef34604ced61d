package shop.localcloud.lambda;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import shop.localcloud.cloudformation.Model.FunctionSpec;
import shop.localcloud.common.Flow;
import shop.localcloud.common.Throttles;
import shop.localcloud.common.UserError;

/**
 * Lambda's concurrency caps as AWS counts them: invocations running at once. A function with
 * {@code ReservedConcurrentExecutions} runs at most that many; the others share what the account's quota leaves
 * unreserved. Beyond a cap, a synchronous invocation is refused ({@link TooManyRequests}), and an asynchronous one
 * waits in Lambda's queue until an invocation ends, or until it is older than its function's maximum event age.
 * (Local JVMs per function, {@code --concurrency}, are another, local cap: under it invocations wait in the function's
 * queue as they always did.)
 */
public final class Concurrency {

    /** The throttle's reason when the function's own reserved concurrency is used up. */
    public static final String RESERVED = "ReservedFunctionConcurrentInvocationLimitExceeded";
    /** The throttle's reason when the account's unreserved concurrency is used up. */
    public static final String ACCOUNT = "ConcurrentInvocationLimitExceeded";

    /** Lambda's answer to a synchronous invocation beyond a cap: HTTP 429 TooManyRequestsException "Rate Exceeded.". */
    public static final class TooManyRequests extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String reason;

        TooManyRequests(String reason) {
            super("Rate Exceeded.");
            this.reason = reason;
        }

        /** {@link #RESERVED} or {@link #ACCOUNT}, as Lambda's {@code Reason}. */
        public String reason() {
            return reason;
        }
    }

    /** An asynchronous invocation waiting for its function to be under its cap (equal only to itself). */
    private static final class Waiter {
        private final String functionId;
        private final Supplier<CompletableFuture<InvocationResult>> start;
        private final ScheduledExecutorService timer;

        Waiter(String functionId, Supplier<CompletableFuture<InvocationResult>> start, ScheduledExecutorService timer) {
            this.functionId = functionId;
            this.start = start;
            this.timer = timer;
        }

        String functionId() {
            return functionId;
        }
    }

    private final int account;
    private final Map<String, Integer> reserved;
    private final int unreserved;
    private final Throttles throttles;
    private final Map<String, Integer> running = new HashMap<>();
    private final List<Waiter> waiting = new ArrayList<>();
    private int runningUnreserved;

    private Concurrency(int account, Map<String, Integer> reserved, Throttles throttles) {
        this.account = account;
        this.reserved = Map.copyOf(reserved);
        this.unreserved = account - reserved.values().stream().mapToInt(Integer::intValue).sum();
        this.throttles = throttles;
    }

    /**
     * The caps of {@code functions} (their reserved concurrency) under an account quota of {@code account} concurrent
     * executions (0: no account quota); each throttle is counted in {@code throttles}.
     */
    public static Concurrency of(List<FunctionSpec> functions, int account, Throttles throttles) {
        Map<String, Integer> reserved = new HashMap<>();
        functions.stream().filter(f -> f.reservedConcurrency() != null).forEach(f -> reserved.put(f.logicalId(), f.reservedConcurrency()));
        Concurrency concurrency = new Concurrency(account, reserved, throttles);
        boolean anyUnreserved = functions.stream().anyMatch(f -> f.reservedConcurrency() == null);
        if (account > 0 && anyUnreserved && concurrency.unreserved < 1) {
            throw new UserError("the functions reserve " + (account - concurrency.unreserved) + " concurrent executions of the account's "
                    + account + " (--account-concurrency): none is left for the functions that reserve none");
        }
        return concurrency;
    }

    /** No cap at all: what a function run on its own (benchmarks, tests) has. */
    public static Concurrency none() {
        return new Concurrency(0, Map.of(), new Throttles(Flow.quiet()));
    }

    /**
     * Starts {@code invocation} if the function is under its caps, and counts it until it ends; throws
     * {@link TooManyRequests} (a throttle of {@code lambda:<id>}) if not.
     */
    <T> CompletableFuture<T> synchronous(String functionId, Supplier<CompletableFuture<T>> invocation) {
        String refusal;
        synchronized (this) {
            refusal = tryAcquire(functionId);
        }
        if (refusal != null) {
            throttles.record(Throttles.lambda(functionId));
            throw new TooManyRequests(refusal);
        }
        return started(functionId, invocation);
    }

    /**
     * Starts {@code invocation} now if the function is under its caps and none of its events waits before it;
     * otherwise it waits (a throttle of {@code lambda:<id>}) and starts when an invocation ends, unless
     * {@code deadlineNanos} (on {@link System#nanoTime()}) passes first: then {@code expired} runs instead.
     */
    void asynchronous(String functionId, Supplier<CompletableFuture<InvocationResult>> invocation, long deadlineNanos,
                      Runnable expired, ScheduledExecutorService timer) {
        Waiter waiter = new Waiter(functionId, invocation, timer);
        boolean now;
        synchronized (this) {
            boolean queuedBefore = waiting.stream().anyMatch(w -> w.functionId().equals(functionId));
            now = !queuedBefore && tryAcquire(functionId) == null;
            if (!now) {
                waiting.add(waiter);
            }
        }
        if (now) {
            started(functionId, invocation);
            return;
        }
        throttles.record(Throttles.lambda(functionId));
        timer.schedule(() -> {
            boolean stillWaiting;
            synchronized (this) {
                stillWaiting = waiting.remove(waiter);
            }
            if (stillWaiting) {
                expired.run();
            }
        }, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** Invocations of {@code functionId} running now, as Lambda's ConcurrentExecutions counts them. */
    public synchronized int running(String functionId) {
        return running.getOrDefault(functionId, 0);
    }

    /** Asynchronous invocations waiting for a function to be under its cap. */
    public synchronized int waiting() {
        return waiting.size();
    }

    private <T> CompletableFuture<T> started(String functionId, Supplier<CompletableFuture<T>> invocation) {
        CompletableFuture<T> running;
        try {
            running = invocation.get();
        } catch (RuntimeException e) {
            release(functionId);
            throw e;
        }
        running.whenComplete((result, failure) -> release(functionId));
        return running;
    }

    /** Null when an execution is taken for {@code functionId}; otherwise the reason Lambda gives for the throttle. */
    private String tryAcquire(String functionId) {
        Integer cap = reserved.get(functionId);
        if (cap != null && running(functionId) >= cap) {
            return RESERVED;
        }
        if (cap == null && account > 0 && runningUnreserved >= unreserved) {
            return ACCOUNT;
        }
        running.merge(functionId, 1, Integer::sum);
        if (cap == null) {
            runningUnreserved++;
        }
        return null;
    }

    /** An invocation ended: the waiting ones that now fit start, oldest first. */
    private void release(String functionId) {
        List<Waiter> admitted = new ArrayList<>();
        synchronized (this) {
            running.merge(functionId, -1, Integer::sum);
            if (!reserved.containsKey(functionId)) {
                runningUnreserved--;
            }
            for (Iterator<Waiter> it = waiting.iterator(); it.hasNext();) {
                Waiter waiter = it.next();
                if (tryAcquire(waiter.functionId()) == null) {
                    it.remove();
                    admitted.add(waiter);
                }
            }
        }
        // on the timer's thread, not this one: an invocation that ends at once would release again from inside this
        // call, and a long queue of them would nest as deep as it is long
        admitted.forEach(waiter -> waiter.timer.execute(() -> started(waiter.functionId, waiter.start)));
    }
}
