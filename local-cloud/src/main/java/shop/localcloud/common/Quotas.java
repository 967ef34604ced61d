package shop.localcloud.common;

/**
 * The AWS quotas local-cloud enforces, scaled down to a laptop; 0 (or false) means no limit, which is the default. Each
 * answers as AWS does when it is exceeded (the error code and HTTP status the SDKs expect):
 *
 * <ul>
 *   <li>{@code accountConcurrency}: Lambda's concurrent executions across all functions (AWS: 1,000 per account and
 *       Region). A function's own cap is its template {@code ReservedConcurrentExecutions}, and {@code --concurrency}.
 *   <li>{@code putEventsPerSecond}: EventBridge PutEvents requests per second (AWS: 10,000 in us-east-1, 2,400 in
 *       us-east-2); beyond it a call answers HTTP 400 {@code ThrottlingException}.
 *   <li>{@code sesSendsPerSecond}, {@code sesSendsPerDay}: SES's maximum send rate and 24-hour quota, in recipients
 *       (sandbox: 1/s, 200/day); beyond either SendEmail answers HTTP 429 {@code TooManyRequestsException}.
 *   <li>{@code itemWriteUnitsPerSecond}: write units per second that one DynamoDB item takes (AWS: 1,000 per
 *       partition); a plain write costs 1, each action of a transaction 2.
 *   <li>{@code apiStageThrottle}: the HTTP API enforces its stage's {@code DefaultRouteSettings} throttle from the
 *       template (here 50 requests/s, burst 100) and answers 429 beyond it.
 * </ul>
 */
public record Quotas(int accountConcurrency, double putEventsPerSecond, double sesSendsPerSecond, int sesSendsPerDay,
                     double itemWriteUnitsPerSecond, boolean apiStageThrottle) {

    /** No limit anywhere: what local-cloud does unless told otherwise. */
    public static final Quotas NONE = new Quotas(0, 0, 0, 0, 0, false);

    public Quotas {
        if (accountConcurrency < 0 || putEventsPerSecond < 0 || sesSendsPerSecond < 0 || sesSendsPerDay < 0 || itemWriteUnitsPerSecond < 0) {
            throw new UserError("a quota is 0 (no limit) or more, not negative");
        }
    }

    public boolean any() {
        return accountConcurrency > 0 || putEventsPerSecond > 0 || sesSendsPerSecond > 0 || sesSendsPerDay > 0
                || itemWriteUnitsPerSecond > 0 || apiStageThrottle;
    }

    public Quotas withAccountConcurrency(int executions) {
        return new Quotas(executions, putEventsPerSecond, sesSendsPerSecond, sesSendsPerDay, itemWriteUnitsPerSecond, apiStageThrottle);
    }

    public Quotas withPutEventsPerSecond(double requests) {
        return new Quotas(accountConcurrency, requests, sesSendsPerSecond, sesSendsPerDay, itemWriteUnitsPerSecond, apiStageThrottle);
    }

    public Quotas withSes(double perSecond, int perDay) {
        return new Quotas(accountConcurrency, putEventsPerSecond, perSecond, perDay, itemWriteUnitsPerSecond, apiStageThrottle);
    }

    public Quotas withItemWriteUnitsPerSecond(double units) {
        return new Quotas(accountConcurrency, putEventsPerSecond, sesSendsPerSecond, sesSendsPerDay, units, apiStageThrottle);
    }

    public Quotas withApiStageThrottle() {
        return new Quotas(accountConcurrency, putEventsPerSecond, sesSendsPerSecond, sesSendsPerDay, itemWriteUnitsPerSecond, true);
    }
}
