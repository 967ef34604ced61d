package shop.localcloud.apigateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import shop.localcloud.cloudformation.Model.HttpRoute;
import shop.localcloud.common.Throttles;
import shop.localparts.TokenBucket;

/**
 * The HTTP API stage's route throttle ({@code DefaultRouteSettings}), as API Gateway applies it: each route of the stage
 * has its own token bucket holding ThrottlingBurstLimit requests, refilled at ThrottlingRateLimit a second. A request
 * that finds its route's bucket empty is answered 429 {@code {"message":"Too Many Requests"}} before the authorizer
 * or the function see it.
 */
final class StageThrottle {

    private final boolean enforced;
    private final Throttles throttles;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** {@code enforced} false (the default of local-cloud) lets every request through. */
    StageThrottle(boolean enforced, Throttles throttles) {
        this.enforced = enforced;
        this.throttles = throttles;
    }

    /** Whether a request for {@code route} may go on now (counted as a throttle of {@code api} if not). */
    boolean admit(HttpRoute route) {
        if (!enforced || route.throttle() == null) {
            return true;
        }
        TokenBucket bucket = buckets.computeIfAbsent(route.routeKey(), key -> TokenBucket.perSecondWithBurst(
                route.throttle().rateLimit(), route.throttle().burstLimit()));
        if (bucket.tryTake(1)) {
            return true;
        }
        throttles.record(Throttles.API);
        return false;
    }
}
