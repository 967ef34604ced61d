package shop.packaging.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The limits of what a parcel is made of, at their exact boundaries: the values ParcelShipped and the label carry. */
class ParcelPartsTest {

    private static final Instant SHIPPED_AT = Instant.parse("2026-01-15T12:00:00Z");

    @Test
    void a_customer_id_holds_1_to_128_characters() {
        assertDoesNotThrow(() -> new Recipient("c".repeat(128), "alex@example.com"));
        assertThrows(IllegalArgumentException.class, () -> new Recipient("c".repeat(129), "alex@example.com"));
        assertThrows(IllegalArgumentException.class, () -> new Recipient(" ", "alex@example.com"));
    }

    @Test
    void a_contact_email_holds_at_most_254_characters() {
        String longest = "a".repeat(254 - "@example.com".length()) + "@example.com";

        assertDoesNotThrow(() -> new Recipient("customer-1", longest));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Recipient("customer-1", "a" + longest));
        assertFalse(e.getMessage().contains("example.com"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Recipient("customer-1", "alex.example.com"));
    }

    @Test
    void a_recipient_printed_into_a_log_names_the_customer_but_not_the_email() {
        String printed = new Recipient("customer-1", "alex@example.com").toString();

        assertTrue(printed.contains("customer-1"), printed);
        assertFalse(printed.contains("alex@"), printed);
    }

    @Test
    void a_carrier_holds_1_to_40_characters() {
        assertDoesNotThrow(() -> new Shipment("c".repeat(40), "JD0001", SHIPPED_AT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Shipment("c".repeat(41), "JD0001", SHIPPED_AT));
        assertTrue(e.getMessage().startsWith("carrier "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Shipment(null, "JD0001", SHIPPED_AT));
    }

    @Test
    void a_tracking_number_holds_1_to_64_characters() {
        assertDoesNotThrow(() -> new Shipment("DHL", "t".repeat(64), SHIPPED_AT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Shipment("DHL", "t".repeat(65), SHIPPED_AT));
        assertTrue(e.getMessage().startsWith("trackingNumber "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Shipment("DHL", "", SHIPPED_AT));
    }

    @Test
    void a_line_picks_1_to_100_of_its_sku() {
        assertDoesNotThrow(() -> new ParcelLine("SKU-1", 1));
        assertDoesNotThrow(() -> new ParcelLine("SKU-1", 100));
        assertThrows(IllegalArgumentException.class, () -> new ParcelLine("SKU-1", 0));
        assertThrows(IllegalArgumentException.class, () -> new ParcelLine("SKU-1", 101));
        assertThrows(IllegalArgumentException.class, () -> new ParcelLine("sku-1", 1));
    }
}
