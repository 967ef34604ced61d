package shop.notification.domain;

import java.util.Objects;

/** A plain-text email ready to send. */
public record Email(EmailAddress to, String subject, String text) {

    public Email {
        Objects.requireNonNull(to, "to");
        if (subject == null || subject.isBlank() || subject.length() > 200) {
            throw new IllegalArgumentException("a subject is 1 to 200 characters");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an email has a body");
        }
    }
}
