package shop.packaging.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a parcel goes. Personal data: it is stored with the parcel and printed on the label, never logged, so
 * {@link #toString()} does not show it (records print every field by default, into any log or exception).
 */
public record ShippingAddress(String name, String line1, Optional<String> line2, String city, String postalCode,
                              String country) {

    public ShippingAddress {
        require(name, "name", 100);
        require(line1, "line1", 100);
        Objects.requireNonNull(line2, "line2");
        line2.ifPresent(value -> require(value, "line2", 100));
        require(city, "city", 60);
        require(postalCode, "postalCode", 16);
        Objects.requireNonNull(country, "country");
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("shippingAddress.country is not an ISO 3166 alpha-2 code");
        }
    }

    private static void require(String value, String field, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException("shippingAddress." + field + " is missing or longer than " + maxLength);
        }
    }

    @Override
    public String toString() {
        return "ShippingAddress[personal data, not shown]";
    }
}
