package shop.order.domain;

/** The customer who places and owns an order: the JWT subject the API authorizer verified. */
public record CustomerId(String value) {

    public CustomerId {
        if (value == null || value.isBlank() || value.length() > 128) {
            throw new IllegalArgumentException("customer id must be 1..128 characters");
        }
    }
}
