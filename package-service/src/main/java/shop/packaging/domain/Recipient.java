package shop.packaging.domain;

import java.util.Objects;

/**
 * Who a parcel is for, as OrderConfirmed named them: kept on the parcel so that ParcelShipped can tell crm and
 * notification on its own. The email is personal data, so {@link #toString()} does not show it.
 */
public record Recipient(String customerId, String contactEmail) {

    public Recipient {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(contactEmail, "contactEmail");
        if (customerId.isBlank() || customerId.length() > 128) {
            throw new IllegalArgumentException("customerId is blank or longer than 128");
        }
        if (contactEmail.length() > 254 || !contactEmail.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("contactEmail is not an email address of at most 254 characters");
        }
    }

    @Override
    public String toString() {
        return "Recipient[customerId=" + customerId + ", contactEmail=personal data, not shown]";
    }
}
