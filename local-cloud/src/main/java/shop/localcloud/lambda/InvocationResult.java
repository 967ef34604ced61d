package shop.localcloud.lambda;

import java.nio.charset.StandardCharsets;

/** How one invocation of a function ended, as Lambda reports it: a payload, a function error, or a timeout. */
public record InvocationResult(Outcome outcome, byte[] payload, String errorType, String errorMessage, long durationMillis) {

    enum Outcome { OK, ERROR, TIMEOUT }

    public static InvocationResult ok(byte[] payload, long durationMillis) {
        return new InvocationResult(Outcome.OK, payload, null, null, durationMillis);
    }

    public static InvocationResult error(String errorType, String errorMessage, byte[] payload, long durationMillis) {
        return new InvocationResult(Outcome.ERROR, payload, errorType, errorMessage, durationMillis);
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    public String payloadText() {
        return payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
    }

    /** One short phrase for the flow log. */
    public String summary() {
        return switch (outcome) {
            case OK -> "ok";
            case TIMEOUT -> "timeout: " + errorMessage;
            case ERROR -> "error " + errorType + ": " + errorMessage;
        };
    }
}
