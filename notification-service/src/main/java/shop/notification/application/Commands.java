package shop.notification.application;

/** The check every command shares: it names the event that asked for it, which the message record keeps. */
final class Commands {

    private Commands() {
    }

    static void requireEventId(String eventId) {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("an event id is required");
        }
    }
}
