package shop.crm.domain;

/** A customer as the order context names them (the JWT subject): opaque to the CRM. */
public record CustomerId(String value) {

    public CustomerId {
        if (value == null || value.isBlank() || value.length() > 128) {
            throw new IllegalArgumentException("a customer id is 1 to 128 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
