package shop.order.domain;

/** Why a customer cancelled: a closed list, so that CRM can count reasons without reading free text. */
public enum CancellationReason {
    CHANGED_MIND,
    FOUND_CHEAPER,
    DELIVERY_TOO_SLOW,
    ORDERED_BY_MISTAKE,
    OTHER
}
