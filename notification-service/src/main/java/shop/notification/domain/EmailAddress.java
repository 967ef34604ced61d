package shop.notification.domain;

/**
 * A recipient's address: personal data. {@link #toString()} never shows it, so it cannot slip into a log line
 * or an exception message; only the mail adapter reads {@link #value()}.
 */
public record EmailAddress(String value) {

    public EmailAddress {
        if (value == null || value.length() > 254 || value.indexOf('@') < 1 || value.indexOf('@') == value.length() - 1
                || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not an email address (value withheld: personal data)");
        }
    }

    @Override
    public String toString() {
        return "EmailAddress[withheld]";
    }
}
