package shop.localcloud.lambda;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import shop.localcloud.cloudformation.Model.FunctionSpec;
import shop.localcloud.common.UserError;

/**
 * A function as Lambda runs it: invocations queue up and are taken by up to {@code maxInstances} execution
 * environments, each started on demand; one that crashes or times out is replaced by the next that is needed.
 */
public final class LocalFunction implements AutoCloseable {

    private final FunctionSpec spec;
    private final List<String> command;
    private final Map<String, String> environment;
    private final int maxInstances;
    private final ScheduledExecutorService timer;
    private final Consumer<String> logs;
    private final Concurrency concurrency;
    private final LinkedBlockingDeque<Invocation> pending = new LinkedBlockingDeque<>();
    private final List<FunctionInstance> instances = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    List<String> command() {
        return command;
    }

    public LocalFunction(FunctionSpec spec, List<String> command, Map<String, String> environment, int maxInstances,
                  ScheduledExecutorService timer, Consumer<String> logs) {
        this(spec, command, environment, maxInstances, timer, logs, Concurrency.none());
    }

    /** As above, under Lambda's concurrency caps {@code concurrency} (shared by every function of the account). */
    public LocalFunction(FunctionSpec spec, List<String> command, Map<String, String> environment, int maxInstances,
                  ScheduledExecutorService timer, Consumer<String> logs, Concurrency concurrency) {
        if (!Files.isRegularFile(spec.artifact())) {
            throw new UserError(spec.logicalId() + "'s artifact " + spec.artifact() + " is not built; run mvn -B -DskipTests package");
        }
        this.spec = spec;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.maxInstances = maxInstances;
        this.timer = timer;
        this.logs = logs;
        this.concurrency = concurrency;
    }

    /** The working directory of the function's JVMs (Lambda's /var/task). */
    java.nio.file.Path taskRoot() {
        return java.nio.file.Path.of(environment.getOrDefault("LAMBDA_TASK_ROOT", "."));
    }

    public String id() {
        return spec.logicalId();
    }

    public FunctionSpec spec() {
        return spec;
    }

    public LinkedBlockingDeque<Invocation> pending() {
        return pending;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    void log(String line) {
        logs.accept(line);
    }

    /** Queues one invocation (synchronous or asynchronous alike: the caller decides whether to wait). */
    public CompletableFuture<InvocationResult> invoke(byte[] payload) {
        return invoke(payload, null);
    }

    /** As {@link #invoke(byte[])}, also handing the function's output lines of this invocation to {@code logLines}. */
    public CompletableFuture<InvocationResult> invoke(byte[] payload, java.util.function.Consumer<String> logLines) {
        if (closed) {
            return CompletableFuture.completedFuture(InvocationResult.error("ServiceException", "local-cloud is stopping", null, 0));
        }
        Invocation invocation = new Invocation(payload, logLines);
        pending.offerLast(invocation);
        scale();
        return invocation.result;
    }

    /**
     * A synchronous invocation as Lambda takes it (RequestResponse, the HTTP API's integration): within the function's
     * concurrency caps, or refused at once with {@link Concurrency.TooManyRequests}.
     */
    public CompletableFuture<InvocationResult> invokeSynchronously(byte[] payload, Consumer<String> logLines) {
        return concurrency.synchronous(id(), () -> invoke(payload, logLines));
    }

    /**
     * An asynchronous invocation as Lambda takes it: {@code invocation} starts once the function is within its
     * concurrency caps; if it is still throttled at {@code deadlineNanos} (its event's maximum age), {@code expired}
     * runs instead. A throttle is not one of the function's retries.
     */
    public void invokeAsynchronously(Supplier<CompletableFuture<InvocationResult>> invocation, long deadlineNanos, Runnable expired) {
        concurrency.asynchronous(id(), invocation, deadlineNanos, expired, timer);
    }

    /** Starts an execution environment when more invocations wait than environments are free to take them. */
    synchronized void scale() {
        if (closed) {
            return;
        }
        long ready = instances.stream().filter(i -> i.state() == FunctionInstance.State.IDLE
                || i.state() == FunctionInstance.State.STARTING).count();
        if (pending.size() > ready && instances.size() < maxInstances) {
            instances.add(new FunctionInstance(this, command, environment));
        }
    }

    /** An environment ended; if it never got ready (init failed), the oldest waiting invocation fails as in Lambda. */
    void exited(FunctionInstance instance, InvocationResult initFailure) {
        instances.remove(instance);
        if (initFailure != null && !closed) {
            Invocation first = pending.pollFirst();
            if (first != null) {
                first.result.complete(initFailure);
            }
        }
        scale();
    }

    int instanceCount() {
        return instances.size();
    }

    /** Stops every environment (the next invocation starts a fresh one). */
    public void stopInstances() {
        instances.forEach(FunctionInstance::kill);
    }

    @Override
    public void close() {
        closed = true;
        stopInstances();
        Invocation left;
        while ((left = pending.pollFirst()) != null) {
            left.result.complete(InvocationResult.error("ServiceException", "local-cloud stopped", null, 0));
        }
    }
}
