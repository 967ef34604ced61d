package shop.order.domain;

import java.util.regex.Pattern;

/** Where the parcel goes. Personal data: stored and published, never logged. */
public record ShippingAddress(String name, String line1, String line2, String city, String postalCode, String country) {

    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

    public ShippingAddress {
        require(name, "name", 100);
        require(line1, "line1", 100);
        if (line2 != null && line2.length() > 100) {
            throw new IllegalArgumentException("line2 must be at most 100 characters");
        }
        require(city, "city", 60);
        require(postalCode, "postalCode", 16);
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code");
        }
    }

    private static void require(String value, String field, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(field + " must be 1.." + max + " characters");
        }
    }
}
