package shop.localcloud;

import java.nio.file.Path;
import java.util.Map;
import shop.localcloud.common.Faults;
import shop.localcloud.common.Quotas;
import shop.localcloud.common.UserError;

/**
 * How to run: where the template and data are, which ports (0 = a free one), how much faster than AWS retries and
 * schedules go, how many JVMs a function may have, which faults to inject, which of AWS's quotas to enforce
 * (none by default), and environment variables set for one function on top of the template's.
 */
public record Options(Path template, Path dataDir, int httpPort, int sqsPort, int eventsPort, int edgePort, double retryScale,
                      double scheduleScale, int concurrency, Map<String, String> parameters, boolean functionLogsOnConsole,
                      boolean routeEvents, Faults faults, Quotas quotas, Map<String, Map<String, String>> environment) {

    public Options {
        parameters = Map.copyOf(parameters);
        environment = Map.copyOf(environment);
        if (retryScale <= 0 || scheduleScale <= 0) {
            throw new UserError("--retry-scale and --schedule-scale must be greater than 0");
        }
        if (concurrency < 1) {
            throw new UserError("--concurrency must be at least 1");
        }
    }

    /** The project's template.yaml, data under local-cloud/data, HTTP on 3000, the edge on 4566, retries 20 times faster than AWS. */
    public static Options defaults(Path root) {
        return new Options(root.resolve("template.yaml"), root.resolve("local-cloud").resolve("data"), 3000, 0, 0, 4566, 0.05, 1.0, 2,
                Map.of(), false, true, Faults.NONE, Quotas.NONE, Map.of());
    }

    /** These ports, and a free one for the edge endpoint (what tests and benchmarks want: nothing fixed). */
    public Options withPorts(int http, int sqs, int events) {
        return withPorts(http, sqs, events, 0);
    }

    public Options withPorts(int http, int sqs, int events, int edge) {
        return new Options(template, dataDir, http, sqs, events, edge, retryScale, scheduleScale, concurrency, parameters,
                functionLogsOnConsole, routeEvents, faults, quotas, environment);
    }

    public Options withDataDir(Path dir) {
        return new Options(template, dir, httpPort, sqsPort, eventsPort, edgePort, retryScale, scheduleScale, concurrency, parameters,
                functionLogsOnConsole, routeEvents, faults, quotas, environment);
    }

    public Options withRetryScale(double scale) {
        return new Options(template, dataDir, httpPort, sqsPort, eventsPort, edgePort, scale, scheduleScale, concurrency, parameters,
                functionLogsOnConsole, routeEvents, faults, quotas, environment);
    }

    public Options withScheduleScale(double scale) {
        return new Options(template, dataDir, httpPort, sqsPort, eventsPort, edgePort, retryScale, scale, concurrency, parameters,
                functionLogsOnConsole, routeEvents, faults, quotas, environment);
    }

    public Options withConcurrency(int jvmsPerFunction) {
        return new Options(template, dataDir, httpPort, sqsPort, eventsPort, edgePort, retryScale, scheduleScale, jvmsPerFunction, parameters,
                functionLogsOnConsole, routeEvents, faults, quotas, environment);
    }

    public Options withTemplate(Path file) {
        return new Options(file, dataDir, httpPort, sqsPort, eventsPort, edgePort, retryScale, scheduleScale, concurrency, parameters,
                functionLogsOnConsole, routeEvents, faults, quotas, environment);
    }

    public Options withFaults(Faults injected) {
        return new Options(template, dataDir, httpPort, sqsPort, eventsPort, edgePort, retryScale, scheduleScale, concurrency, parameters,
                functionLogsOnConsole, routeEvents, injected, quotas, environment);
    }

    /** Each function's log lines copied to the flow printout too (`invoke`, `--function-logs`). */
    public Options withFunctionLogsOnConsole() {
        return new Options(template, dataDir, httpPort, sqsPort, eventsPort, edgePort, retryScale, scheduleScale, concurrency, parameters,
                true, routeEvents, faults, quotas, environment);
    }

    public Options withoutRouting() {
        return new Options(template, dataDir, httpPort, sqsPort, eventsPort, edgePort, retryScale, scheduleScale, concurrency, parameters,
                functionLogsOnConsole, false, faults, quotas, environment);
    }

    /** Enforces these quotas (scaled-down AWS limits: SES, Lambda concurrency, PutEvents, item writes, the stage throttle). */
    public Options withQuotas(Quotas enforced) {
        return new Options(template, dataDir, httpPort, sqsPort, eventsPort, edgePort, retryScale, scheduleScale, concurrency, parameters,
                functionLogsOnConsole, routeEvents, faults, enforced, environment);
    }

    /** Sets {@code name} to {@code value} in {@code functionId}'s environment, over what the template sets. */
    public Options withEnvironment(String functionId, String name, String value) {
        Map<String, Map<String, String>> changed = new java.util.LinkedHashMap<>(environment);
        Map<String, String> variables = new java.util.LinkedHashMap<>(changed.getOrDefault(functionId, Map.of()));
        variables.put(name, value);
        changed.put(functionId, Map.copyOf(variables));
        return new Options(template, dataDir, httpPort, sqsPort, eventsPort, edgePort, retryScale, scheduleScale, concurrency, parameters,
                functionLogsOnConsole, routeEvents, faults, quotas, changed);
    }

    /** Sets the template parameter {@code name} to {@code value} (as {@code --parameter Name=Value} does). */
    public Options withParameter(String name, String value) {
        Map<String, String> changed = new java.util.LinkedHashMap<>(parameters);
        changed.put(name, value);
        return new Options(template, dataDir, httpPort, sqsPort, eventsPort, edgePort, retryScale, scheduleScale, concurrency, changed,
                functionLogsOnConsole, routeEvents, faults, quotas, environment);
    }

    /**
     * The template's parameters as given, with {@code SesMaxSendRate} (the SES account's send rate, to which the
     * template's sender paces itself) told the rate local-cloud's SES has: the {@code --ses-rate} quota, or 1,000 a
     * second when SES is not limited. A {@code --parameter SesMaxSendRate=...} wins; a template without it ignores it.
     */
    public Map<String, String> templateParameters() {
        Map<String, String> all = new java.util.LinkedHashMap<>(parameters);
        double rate = quotas.sesSendsPerSecond();
        all.putIfAbsent("SesMaxSendRate", rate > 0 ? Long.toString(Math.max(1, Math.round(rate))) : "1000");
        return all;
    }
}
