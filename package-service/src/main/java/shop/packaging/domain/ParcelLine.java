package shop.packaging.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** What to pick for a parcel: a sku and how many. Prices are the order context's business, not the warehouse's. */
public record ParcelLine(String sku, int quantity) {

    private static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");

    public ParcelLine {
        Objects.requireNonNull(sku, "sku");
        if (!SKU.matcher(sku).matches()) {
            throw new IllegalArgumentException("sku does not match " + SKU.pattern());
        }
        if (quantity < 1 || quantity > 100) {
            throw new IllegalArgumentException("quantity must be between 1 and 100");
        }
    }
}
