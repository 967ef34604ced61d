package shop.crm.domain;

/** An order as the CRM knows it: an opaque id from the order context. */
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
