package shop.order.domain;

import java.util.regex.Pattern;

/** A stock keeping unit, as the price list and the inventory know it. */
public record Sku(String value) {

    public static final Pattern FORMAT = Pattern.compile("^[A-Z0-9][A-Z0-9-]{0,39}$");

    public Sku {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("sku must be 1..40 upper-case letters, digits or dashes");
        }
    }
}
