package shop.notification.application;

import shop.notification.domain.Email;

/** Port: hands an email to the mail provider. */
public interface Emails {

    /**
     * Sends the email and returns the provider's message id. Throws if the provider did not accept it: a
     * {@link SendingThrottledException} when it asked to slow down (nothing was sent); a failure without an answer
     * (timeout, lost connection) leaves open whether it went out.
     */
    String send(Email email);
}
