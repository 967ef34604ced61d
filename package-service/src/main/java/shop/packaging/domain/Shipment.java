package shop.packaging.domain;

import java.time.Instant;
import java.util.Objects;

/** How and when a parcel left the warehouse: the carrier and its tracking number, as the warehouse reports them. */
public record Shipment(String carrier, String trackingNumber, Instant shippedAt) {

    public Shipment {
        require(carrier, "carrier", 40);
        require(trackingNumber, "trackingNumber", 64);
        Objects.requireNonNull(shippedAt, "shippedAt");
    }

    private static void require(String value, String field, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is missing, blank or longer than " + maxLength);
        }
    }
}
