package shop.notification.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount as the customer sees it on an email: decimal amount and ISO currency code. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("an amount is not negative");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("a currency is three capital letters");
        }
    }

    public String display() {
        return amount.toPlainString() + " " + currency;
    }
}
