package shop.packaging.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each field of an address holds 1 to its limit of characters; a refusal names the field, never the value. */
class ShippingAddressTest {

    @Test
    void each_field_takes_exactly_its_limit_of_characters() {
        assertDoesNotThrow(() -> new ShippingAddress("n".repeat(100), "l".repeat(100), Optional.of("m".repeat(100)),
                "c".repeat(60), "p".repeat(16), "GB"));
    }

    @Test
    void the_name_is_refused_blank_or_one_character_too_long() {
        assertRefused("shippingAddress.name", value -> address(value, "1 Example Street", Optional.empty(), "Exampleton", "EX1 2MP"), 100);
    }

    @Test
    void the_first_line_is_refused_blank_or_one_character_too_long() {
        assertRefused("shippingAddress.line1", value -> address("Alex Example", value, Optional.empty(), "Exampleton", "EX1 2MP"), 100);
    }

    @Test
    void a_second_line_given_is_refused_blank_or_one_character_too_long() {
        assertRefused("shippingAddress.line2", value -> address("Alex Example", "1 Example Street", Optional.of(value), "Exampleton", "EX1 2MP"), 100);
    }

    @Test
    void the_city_is_refused_blank_or_one_character_too_long() {
        assertRefused("shippingAddress.city", value -> address("Alex Example", "1 Example Street", Optional.empty(), value, "EX1 2MP"), 60);
    }

    @Test
    void the_postal_code_is_refused_blank_or_one_character_too_long() {
        assertRefused("shippingAddress.postalCode", value -> address("Alex Example", "1 Example Street", Optional.empty(), "Exampleton", value), 16);
    }

    @Test
    void a_missing_required_field_is_refused_by_name() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> address("Alex Example", "1 Example Street", Optional.empty(), null, "EX1 2MP"));
        assertTrue(e.getMessage().startsWith("shippingAddress.city "), e.getMessage());
    }

    @Test
    void an_address_printed_into_a_log_says_it_is_withheld() {
        String printed = address("Alex Example", "1 Example Street", Optional.of("Flat 2"), "Exampleton", "EX1 2MP").toString();

        assertTrue(printed.contains("personal data, not shown"), printed);
        for (String field : new String[] {"Alex", "Example Street", "Flat 2", "Exampleton", "EX1"}) {
            assertFalse(printed.contains(field), printed);
        }
    }

    private static ShippingAddress address(String name, String line1, Optional<String> line2, String city, String postalCode) {
        return new ShippingAddress(name, line1, line2, city, postalCode, "GB");
    }

    /** The field takes {@code limit} characters, and refuses {@code limit + 1}, a blank value and an empty one. */
    private static void assertRefused(String field, Function<String, ShippingAddress> withField, int limit) {
        assertDoesNotThrow(() -> withField.apply("Q".repeat(limit)));
        for (String refused : new String[] {"Q".repeat(limit + 1), " ", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withField.apply(refused),
                    field + " of " + refused.length() + " characters");
            assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
            assertFalse(e.getMessage().contains("QQ"), e.getMessage());
        }
    }
}
