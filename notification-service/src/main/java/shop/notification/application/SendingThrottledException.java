package shop.notification.application;

/**
 * The mail provider asked to slow down (SES: HTTP 429, its send rate or daily quota reached) and sent nothing. Not a
 * failure of this message: the message waits in the queue and is sent once the provider has room again.
 */
public final class SendingThrottledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SendingThrottledException(String errorCode, int status) {
        super("the mail provider throttled sending: " + errorCode + " (HTTP " + status + ")", null, false, false);
    }
}
