package shop.order.domain;

import java.util.regex.Pattern;

/** The contact email of an order. Personal data: its toString never reveals it, so it cannot leak into a log. */
public record EmailAddress(String value) {

    /** Deliberately plain: one @, a dotted domain, no spaces; the mail system is the final judge. */
    private static final Pattern FORMAT = Pattern.compile("^[^@\\s\"(),:;<>\\[\\]\\\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$");

    public EmailAddress {
        if (value == null || value.length() > 254 || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("email must look like name@example.com (at most 254 characters)");
        }
    }

    @Override
    public String toString() {
        return "EmailAddress[redacted]";
    }
}
