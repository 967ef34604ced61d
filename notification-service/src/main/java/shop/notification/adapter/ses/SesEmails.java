package shop.notification.adapter.ses;

import shop.notification.application.Emails;
import shop.notification.application.SendingThrottledException;
import shop.notification.domain.Email;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/** Sends through the Amazon SES v2 API (SendEmail, simple content, plain text) from the configured sender. */
public final class SesEmails implements Emails {

    private final SesV2Client ses;
    private final String sender;

    public SesEmails(SesV2Client ses, String sender) {
        this.ses = ses;
        this.sender = sender;
    }

    @Override
    public String send(Email email) {
        SendEmailRequest request = SendEmailRequest.builder()
                .fromEmailAddress(sender)
                .destination(d -> d.toAddresses(email.to().value()))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data(email.subject()).charset("UTF-8"))
                        .body(b -> b.text(t -> t.data(email.text()).charset("UTF-8")))))
                .build();
        try {
            return ses.sendEmail(request).messageId();
        } catch (SesV2Exception rejected) {
            // SES messages can quote the recipient ("... failed the check: ada@example.com"), and Lambda logs a
            // failed invocation's exception chain: keep only the error code and status, and drop the cause.
            String errorCode = rejected.awsErrorDetails() == null ? "unknown" : rejected.awsErrorDetails().errorCode();
            // TooManyRequestsException (HTTP 429): the account's send rate or daily quota; the SDK's own retries
            // did not outlast it. Nothing was sent, and waiting is the cure.
            if (rejected.isThrottlingException() || rejected.statusCode() == 429) {
                throw new SendingThrottledException(errorCode, rejected.statusCode());
            }
            throw new EmailNotSentException(errorCode, rejected.statusCode());
        }
    }

    /** SES answered with an error: the email was not accepted. Carries no personal data. */
    public static final class EmailNotSentException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        EmailNotSentException(String errorCode, int status) {
            super("SES did not accept the email: " + errorCode + " (HTTP " + status + ")", null, false, false);
        }
    }
}
