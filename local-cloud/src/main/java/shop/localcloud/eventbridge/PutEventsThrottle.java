package shop.localcloud.eventbridge;

import shop.localcloud.common.Throttles;
import shop.localparts.TokenBucket;

/**
 * EventBridge's PutEvents quota (requests per second per account and Region, a burst of one second's worth): a call
 * beyond it is refused whole, as EventBridge refuses it, with HTTP 400 {@code ThrottlingException} "Rate exceeded",
 * which the AWS SDKs read as a throttle and retry with backoff; none of its entries reach the bus.
 */
public final class PutEventsThrottle {

    private final TokenBucket bucket;
    private final Throttles throttles;

    /** {@code perSecond} 0 admits every call. */
    public PutEventsThrottle(double perSecond, Throttles throttles) {
        this.bucket = perSecond > 0 ? TokenBucket.perSecond(perSecond) : null;
        this.throttles = throttles;
    }

    /** Returns if this PutEvents call may go on; throws EventBridge's throttling answer otherwise. */
    void admit() {
        if (bucket != null && !bucket.tryTake(1)) {
            throttles.record(Throttles.PUT_EVENTS);
            throw new EventBus.ApiException(400, "ThrottlingException", "Rate exceeded");
        }
    }
}
