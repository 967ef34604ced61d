package shop.order.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The limits of what an order is made of, at their exact boundaries. */
class OrderValuesTest {

    private static final ShippingAddress ADDRESS = new ShippingAddress("A", "B", null, "C", "1", "DE");
    private static final EmailAddress EMAIL = new EmailAddress("a@example.com");

    @Test
    void an_order_holds_up_to_50_lines() {
        List<OrderLine> fifty = IntStream.rangeClosed(1, 50)
                .mapToObj(i -> new OrderLine(new Sku("SKU-" + i), 1, Money.of("1.00", "EUR"))).toList();

        Order order = Order.place(OrderId.generate(), new CustomerId("customer-alice"), fifty, ADDRESS, EMAIL, Instant.now());

        assertEquals(50, order.lines().size());
        assertEquals(Money.of("50.00", "EUR"), order.total());
    }

    @Test
    void a_line_orders_1_to_100_units() {
        assertEquals(Money.of("1.00", "EUR"), new OrderLine(new Sku("SKU-1"), 1, Money.of("1.00", "EUR")).lineTotal());
        assertEquals(Money.of("100.00", "EUR"), new OrderLine(new Sku("SKU-1"), 100, Money.of("1.00", "EUR")).lineTotal());
    }

    @Test
    void an_amount_may_be_zero_but_not_negative() {
        assertEquals("0.00", Money.of("0", "EUR").amountText());
        assertThrows(IllegalArgumentException.class, () -> Money.of("-0.01", "EUR"));
    }

    @Test
    void an_email_address_holds_at_most_254_characters_and_prints_as_redacted() {
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
        String longest = "a".repeat(64) + "@" + domain;

        assertEquals(254, longest.length());
        assertDoesNotThrow(() -> new EmailAddress(longest));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress(longest + "d"));
        assertEquals("EmailAddress[redacted]", new EmailAddress(longest).toString());
    }

    @Test
    void a_customer_id_holds_1_to_128_characters() {
        assertEquals("c".repeat(128), new CustomerId("c".repeat(128)).value());
        assertThrows(IllegalArgumentException.class, () -> new CustomerId("c".repeat(129)));
        assertThrows(IllegalArgumentException.class, () -> new CustomerId(" "));
    }

    @Test
    void the_country_rule_answers_with_the_code_it_accepted() {
        assertEquals("DE", ShippingAddress.requireCountry("DE"));
    }
}
