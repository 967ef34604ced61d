package shop.crm.application;

/** What applying one event did. */
public enum CrmOutcome {
    /** The event changed the customer's record now. */
    RECORDED,
    /** It had been applied before (duplicate, retry or replay): nothing changed. */
    ALREADY_RECORDED;

    static CrmOutcome of(boolean applied) {
        return applied ? RECORDED : ALREADY_RECORDED;
    }
}
