package shop.order.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each field of an address holds 1 to its limit of characters (the second line may be left out); the refusal names the
 * field and never shows the value (personal data, and a refusal may reach a log).
 */
class ShippingAddressTest {

    @Test
    void each_field_takes_exactly_its_limit_of_characters() {
        ShippingAddress longest = new ShippingAddress("n".repeat(100), "l".repeat(100), "m".repeat(100), "c".repeat(60),
                "p".repeat(16), "DE");

        assertEquals(100, longest.line2().length());
    }

    @Test
    void the_name_is_refused_blank_missing_or_one_character_too_long() {
        assertRefused("name", value -> new ShippingAddress(value, "1 Example Street", null, "Berlin", "10115", "DE"), 100);
    }

    @Test
    void the_first_line_is_refused_blank_missing_or_one_character_too_long() {
        assertRefused("line1", value -> new ShippingAddress("Ada", value, null, "Berlin", "10115", "DE"), 100);
    }

    @Test
    void the_city_is_refused_blank_missing_or_one_character_too_long() {
        assertRefused("city", value -> new ShippingAddress("Ada", "1 Example Street", null, value, "10115", "DE"), 60);
    }

    @Test
    void the_postal_code_is_refused_blank_missing_or_one_character_too_long() {
        assertRefused("postalCode", value -> new ShippingAddress("Ada", "1 Example Street", null, "Berlin", value, "DE"), 16);
    }

    @Test
    void the_second_line_may_be_left_out_and_holds_at_most_100_characters() {
        assertDoesNotThrow(() -> new ShippingAddress("Ada", "1 Example Street", null, "Berlin", "10115", "DE"));
        assertDoesNotThrow(() -> new ShippingAddress("Ada", "1 Example Street", "Q".repeat(100), "Berlin", "10115", "DE"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ShippingAddress("Ada", "1 Example Street", "Q".repeat(101), "Berlin", "10115", "DE"));
        assertTrue(e.getMessage().startsWith("line2 "), e.getMessage());
        assertFalse(e.getMessage().contains("QQ"), e.getMessage());
    }

    /** The field takes {@code limit} characters, and refuses {@code limit + 1}, a blank value, an empty one and none. */
    private static void assertRefused(String field, Function<String, ShippingAddress> withField, int limit) {
        assertDoesNotThrow(() -> withField.apply("Q".repeat(limit)));
        for (String refused : new String[] {"Q".repeat(limit + 1), " ", "", null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withField.apply(refused),
                    field + " of " + (refused == null ? "null" : refused.length() + " characters"));
            assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
            assertFalse(e.getMessage().contains("QQ"), e.getMessage());
        }
    }
}
