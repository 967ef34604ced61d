package shop.platform.outbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.platform.events.PendingEvent;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How owed events ride on the item whose change owes them: a map {@code outbox} of eventId to the exact bytes to
 * send (every item a producer creates starts with the map, empty or not, so later writes can add to it), and the
 * sparse pair {@code outboxPending}/{@code outboxSince}, present exactly while the map may hold
 * something, which keys the {@code outbox} index the relay reads. A producer adds these to its own conditional
 * PutItem or UpdateItem, so the state change and the events it owes are one write of one item.
 */
public final class OutboxItems {

    /** The name of the sparse global secondary index (hash outboxPending, range outboxSince) each producer's table has. */
    public static final String INDEX = "outbox";
    /** The item attribute that holds the owed events (a map of eventId to entry). */
    public static final String MAP = "outbox";
    /** The item attribute that holds events the bus refused for good (eventId to entry with its reason), out of the relay's way. */
    public static final String PARKED = "outboxParked";
    static final String PENDING = "outboxPending";
    static final String SINCE = "outboxSince";
    static final AttributeValue PENDING_VALUE = AttributeValue.fromS("PENDING");

    /** The SET clauses, names and values to splice into a producer's own UpdateItem. */
    public record Update(String setClauses, Map<String, String> names, Map<String, AttributeValue> values) {
        public Update {
            names = Map.copyOf(names);
            values = Map.copyOf(values);
        }
    }

    private OutboxItems() {
    }

    /** Adds {@code owed} to the attributes of an item about to be put (a new item: its outbox starts with these). */
    public static void addTo(Map<String, AttributeValue> item, List<PendingEvent> owed, Instant at) {
        Map<String, AttributeValue> outbox = new HashMap<>();
        owed.forEach(event -> outbox.put(event.eventId(), entry(event, at)));
        item.put(MAP, AttributeValue.fromM(outbox));
        if (!owed.isEmpty()) {
            item.put(PENDING, PENDING_VALUE);
            item.put(SINCE, AttributeValue.fromS(at.toString()));
        }
    }

    /**
     * SET clauses that add {@code owed} to an existing item's outbox (creating the map if the item has none yet) and
     * list the item in the index. Names and values are prefixed {@code #ob}/{@code :ob} to stay clear of the caller's.
     */
    public static Update owe(List<PendingEvent> owed, Instant at) {
        if (owed.isEmpty()) {
            throw new IllegalArgumentException("nothing owed: no outbox clause to add");
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < owed.size(); i++) {
            names.put("#obe" + i, owed.get(i).eventId());
            values.put(":obe" + i, entry(owed.get(i), at));
            set.append(i == 0 ? "" : ", ").append(MAP).append(".#obe").append(i).append(" = :obe").append(i);
        }
        values.put(":obPending", PENDING_VALUE);
        values.put(":obAt", AttributeValue.fromS(at.toString()));
        set.append(", ").append(PENDING).append(" = :obPending, ").append(SINCE).append(" = if_not_exists(").append(SINCE)
                .append(", :obAt)");
        return new Update(set.toString(), names, values);
    }

    static AttributeValue entry(PendingEvent event, Instant at) {
        return AttributeValue.fromM(Map.of(
                "source", AttributeValue.fromS(event.source()),
                "detailType", AttributeValue.fromS(event.detailType()),
                "detail", AttributeValue.fromS(event.detail()),
                "at", AttributeValue.fromS(at.toString())));
    }

    static PendingEvent event(String eventId, Map<String, AttributeValue> entry) {
        return new PendingEvent(eventId, entry.get("source").s(), entry.get("detailType").s(), entry.get("detail").s());
    }
}
