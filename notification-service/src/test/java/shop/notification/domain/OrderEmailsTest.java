package shop.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderEmailsTest {

    private static final OrderId ORDER = new OrderId("3f0c1c9e-0000-4000-8000-000000000001");
    private static final EmailAddress ADA = new EmailAddress("ada@example.com");
    private static final Instant PLACED = Instant.parse("2026-03-02T09:15:00Z");

    @Test
    void confirmation_names_the_order_its_time_items_and_total() {
        Email email = OrderEmails.confirmation(ADA, ORDER, PLACED, 1, new Money(new BigDecimal("25.75"), "EUR"));

        assertEquals(ADA, email.to());
        assertEquals("Your order " + ORDER + " is confirmed", email.subject());
        assertTrue(email.text().contains("Placed: 2 Mar 2026, 09:15 UTC"), email.text());
        assertTrue(email.text().contains("Items: 1 item\n"), email.text());
        assertTrue(email.text().contains("Total: 25.75 EUR"), email.text());
        assertTrue(email.text().contains("We will let you know when it ships."), email.text());
    }

    @Test
    void rejection_names_each_item_not_reserved_with_the_quantity_ordered_and_says_nothing_will_be_charged() {
        Email email = OrderEmails.rejection(ADA, ORDER, PLACED, List.of(new OrderedItem("SKU-5", 3), new OrderedItem("SKU-9", 1)));

        assertEquals("Your order " + ORDER + " could not be accepted", email.subject());
        assertTrue(email.text().contains("  SKU-5 (3 ordered)\n  SKU-9 (1 ordered)\n"), email.text());
        assertTrue(email.text().contains("nothing will be charged"), email.text());
        assertFalse(email.text().contains("confirmed"), email.text());
        assertFalse(email.text().contains("ships"), email.text());
    }

    @Test
    void a_rejection_without_an_item_cannot_be_written() {
        assertThrows(IllegalArgumentException.class, () -> OrderEmails.rejection(ADA, ORDER, PLACED, List.of()));
    }

    @Test
    void cancellation_notice_says_when_and_why_in_words() {
        Email email = OrderEmails.cancellationNotice(ADA, ORDER, PLACED, Instant.parse("2026-03-02T10:45:30Z"), "DELIVERY_TOO_SLOW");

        assertEquals("Your order " + ORDER + " is cancelled", email.subject());
        assertTrue(email.text().contains("Cancelled: 2 Mar 2026, 10:45 UTC"), email.text());
        assertTrue(email.text().contains("Reason given: delivery would take too long"), email.text());
    }

    @Test
    void a_reason_added_by_a_later_schema_minor_reads_as_other() {
        Email email = OrderEmails.cancellationNotice(ADA, ORDER, PLACED, Instant.parse("2026-03-02T10:45:30Z"), "PAYMENT_FAILED");

        assertTrue(email.text().contains("Reason given: other"), email.text());
    }

    @Test
    void an_email_address_never_shows_itself_in_logs_or_messages() {
        assertFalse(ADA.toString().contains("ada"));
        assertFalse(OrderEmails.confirmation(ADA, ORDER, Instant.EPOCH, 1, new Money(BigDecimal.ONE, "EUR"))
                .toString().contains("ada@"));
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> new EmailAddress("ada@"));
        assertFalse(invalid.getMessage().contains("ada"));
    }
}
