package shop.notification.domain;

/** The order a message is about, as the notification context knows it: an opaque id from the order context. */
public record OrderId(String value) {

    public OrderId {
        if (value == null || value.isBlank() || value.length() > 128) {
            throw new IllegalArgumentException("an order id is 1 to 128 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
