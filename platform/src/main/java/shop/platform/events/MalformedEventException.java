package shop.platform.events;

/**
 * An event a consumer cannot process. Thrown, never swallowed: the invocation fails, Lambda retries it and
 * then sends it to the consumer's dead-letter queue. The message says why without quoting personal data.
 */
public final class MalformedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedEventException(String reason) {
        super(reason);
    }

    public MalformedEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
