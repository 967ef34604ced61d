package shop.notification.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The values an email is built from, at their exact limits: what SES would refuse, or a reader would misread, never exists. */
class MessageValuesTest {

    private static final EmailAddress ADA = new EmailAddress("ada@example.com");

    @Test
    void an_email_address_holds_at_most_254_characters() {
        String longest = "a".repeat(254 - "@example.com".length()) + "@example.com";

        assertDoesNotThrow(() -> new EmailAddress(longest));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("a" + longest));
    }

    @Test
    void an_email_address_has_something_on_each_side_of_its_at_and_no_space() {
        assertDoesNotThrow(() -> new EmailAddress("a@b"));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("@example.com"));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("ada@"));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("ada.example.com"));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("ada lovelace@example.com"));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress(null));
    }

    @Test
    void an_email_address_printed_into_a_log_says_it_is_withheld() {
        Email email = new Email(ADA, "Subject", "Body");

        assertEquals("EmailAddress[withheld]", ADA.toString());
        assertFalse(email.toString().contains("ada@"), email.toString());
    }

    @Test
    void a_subject_holds_1_to_200_characters_and_a_body_is_not_blank() {
        assertDoesNotThrow(() -> new Email(ADA, "s".repeat(200), "Body"));
        assertThrows(IllegalArgumentException.class, () -> new Email(ADA, "s".repeat(201), "Body"));
        assertThrows(IllegalArgumentException.class, () -> new Email(ADA, " ", "Body"));
        assertThrows(IllegalArgumentException.class, () -> new Email(ADA, null, "Body"));
        assertThrows(IllegalArgumentException.class, () -> new Email(ADA, "Subject", " "));
        assertThrows(IllegalArgumentException.class, () -> new Email(ADA, "Subject", null));
    }

    @Test
    void an_amount_may_be_zero_but_not_negative_and_its_currency_is_three_capitals() {
        assertEquals("0.00 EUR", new Money(new BigDecimal("0.00"), "EUR").display());
        assertThrows(IllegalArgumentException.class, () -> new Money(new BigDecimal("-0.01"), "EUR"));
        assertThrows(IllegalArgumentException.class, () -> new Money(BigDecimal.ONE, "eur"));
        assertThrows(IllegalArgumentException.class, () -> new Money(BigDecimal.ONE, null));
    }

    @Test
    void an_order_id_holds_1_to_128_characters_and_reads_as_itself_in_an_email() {
        String longest = "o".repeat(128);

        assertEquals(longest, new OrderId(longest).toString());
        assertThrows(IllegalArgumentException.class, () -> new OrderId(longest + "o"));
        assertThrows(IllegalArgumentException.class, () -> new OrderId(" "));
        assertThrows(IllegalArgumentException.class, () -> new OrderId(null));
    }

    @Test
    void an_ordered_item_is_a_sku_and_at_least_one_unit() {
        assertDoesNotThrow(() -> new OrderedItem("SKU-1", 1));
        assertThrows(IllegalArgumentException.class, () -> new OrderedItem("SKU-1", 0));
        assertThrows(IllegalArgumentException.class, () -> new OrderedItem("sku-1", 1));
    }
}
