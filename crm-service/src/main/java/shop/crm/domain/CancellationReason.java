package shop.crm.domain;

import java.util.List;

/**
 * Why a customer cancelled, as a code. Kept as a validated code rather than an enum so that a reason added by a
 * later 1.x schema is counted under its own name instead of failing the event (tolerant reader).
 */
public record CancellationReason(String code) {

    /** The reasons of OrderCancelled v1.0, always shown in insight even when zero. */
    public static final List<String> KNOWN = List.of("CHANGED_MIND", "FOUND_CHEAPER", "DELIVERY_TOO_SLOW",
            "ORDERED_BY_MISTAKE", "OTHER");

    public CancellationReason {
        if (code == null || !code.matches("[A-Z][A-Z_]{0,63}")) {
            throw new IllegalArgumentException("a cancellation reason is a code such as CHANGED_MIND");
        }
    }
}
