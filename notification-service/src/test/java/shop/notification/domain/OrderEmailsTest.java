package shop.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderEmailsTest {

    private static final OrderId ORDER = new OrderId("3f0c1c9e-0000-4000-8000-000000000001");
    private static final EmailAddress ADA = new EmailAddress("ada@example.com");

    @Test
    void confirmation_names_the_order_its_time_items_and_total() {
        Email email = OrderEmails.confirmation(new OrderPlaced("e-1", ORDER, Instant.parse("2026-03-02T09:15:00Z"),
                new Money(new BigDecimal("25.75"), "EUR"), 1, ADA));

        assertEquals(ADA, email.to());
        assertEquals("Your order " + ORDER + " is confirmed", email.subject());
        assertTrue(email.text().contains("Placed: 2 Mar 2026, 09:15 UTC"), email.text());
        assertTrue(email.text().contains("Items: 1 item\n"), email.text());
        assertTrue(email.text().contains("Total: 25.75 EUR"), email.text());
    }

    @Test
    void cancellation_notice_says_when_and_why_in_words() {
        Email email = OrderEmails.cancellationNotice(new OrderCancelled("e-2", ORDER, Instant.parse("2026-03-02T09:15:00Z"),
                Instant.parse("2026-03-02T10:45:30Z"), "DELIVERY_TOO_SLOW", ADA));

        assertEquals("Your order " + ORDER + " is cancelled", email.subject());
        assertTrue(email.text().contains("Cancelled: 2 Mar 2026, 10:45 UTC"), email.text());
        assertTrue(email.text().contains("Reason given: delivery would take too long"), email.text());
    }

    @Test
    void a_reason_added_by_a_later_schema_minor_reads_as_other() {
        Email email = OrderEmails.cancellationNotice(new OrderCancelled("e-3", ORDER, Instant.parse("2026-03-02T09:15:00Z"),
                Instant.parse("2026-03-02T10:45:30Z"), "PAYMENT_FAILED", ADA));

        assertTrue(email.text().contains("Reason given: other"), email.text());
    }

    @Test
    void an_email_address_never_shows_itself_in_logs_or_messages() {
        assertFalse(ADA.toString().contains("ada"));
        assertFalse(OrderEmails.confirmation(new OrderPlaced("e-1", ORDER, Instant.EPOCH,
                new Money(BigDecimal.ONE, "EUR"), 1, ADA)).toString().contains("ada@"));
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> new EmailAddress("ada@"));
        assertFalse(invalid.getMessage().contains("ada"));
    }
}
