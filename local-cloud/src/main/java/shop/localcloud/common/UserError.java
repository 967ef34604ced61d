package shop.localcloud.common;



/** A problem the user can fix: printed as one line saying what went wrong and what to do, never a stack trace. */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
