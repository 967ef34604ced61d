package shop.order.domain;

import java.util.Locale;
import java.util.Set;

/** Where the parcel goes. Personal data: stored and published, never logged. */
public record ShippingAddress(String name, String line1, String line2, String city, String postalCode, String country) {

    /** The alpha-2 codes ISO 3166-1 assigns, as the JDK knows them: a parcel can go only to a country that exists. */
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public ShippingAddress {
        require(name, "name", 100);
        require(line1, "line1", 100);
        if (line2 != null && line2.length() > 100) {
            throw new IllegalArgumentException("line2 must be at most 100 characters");
        }
        require(city, "city", 60);
        require(postalCode, "postalCode", 16);
        requireCountry(country);
    }

    /** The country rule, for decoders that name the field at fault: refuses any code ISO 3166-1 does not assign. */
    public static String requireCountry(String country) {
        if (country == null || !COUNTRIES.contains(country)) {
            throw new IllegalArgumentException("must be an ISO 3166-1 alpha-2 code such as DE");
        }
        return country;
    }

    private static void require(String value, String field, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(field + " must be 1.." + max + " characters");
        }
    }
}
