package shop.localparts;

/** A request the front answers with an error before (or instead of) finishing it: carries that answer up to the HTTP handler. */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Answer answer;

    Refusal(Answer answer) {
        super(answer.errorType(), null, false, false);
        this.answer = answer;
    }

    static Refusal validation(String message) {
        return new Refusal(Answer.error("ValidationException", message));
    }

    Answer answer() {
        return answer;
    }
}
