package shop.platform.events;

import java.util.List;

/**
 * An event a producer refuses to owe: its text cannot be carried or it breaks its schema. Thrown before the state
 * change and the owed event are written, so the change is refused and no poison event is ever stored.
 */
public final class UnsendableEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> violations;

    public UnsendableEventException(String detailType, List<String> violations) {
        super(detailType + " cannot be published: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    /** Each as {@code /json/pointer: reason}; never the values themselves (they may be personal data). */
    public List<String> violations() {
        return violations;
    }
}
