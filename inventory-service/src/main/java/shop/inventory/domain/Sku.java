package shop.inventory.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** A stock-keeping unit: what stock is counted per. Same format as the published events use. */
public record Sku(String value) implements Comparable<Sku> {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");

    public Sku {
        Objects.requireNonNull(value, "sku");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("sku does not match " + FORMAT.pattern());
        }
    }

    @Override
    public int compareTo(Sku other) {
        return value.compareTo(other.value);
    }

    /** The value alone: stock items are keyed {@code "SKU#" + sku} (tests, benchmarks), and messages name skus so. */
    @Override
    public String toString() {
        return value;
    }
}
