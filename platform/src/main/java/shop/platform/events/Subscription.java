package shop.platform.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one consumer was written for: for each producing {@code source}, the detail-types it reads and the schema
 * major version it understands. Every consumer checks an event against its subscription before reading it, so an
 * event from another source, of another type or of an unknown major fails with a reason (and so reaches the
 * consumer's dead-letter queue) instead of being half-read.
 */
public final class Subscription {

    private record Topic(int schemaMajor, Set<String> detailTypes) {
    }

    private final Map<String, Topic> topics;

    private Subscription(Map<String, Topic> topics) {
        this.topics = Map.copyOf(topics);
    }

    /** A subscription to {@code detailTypes} of {@code source}, schema version {@code schemaMajor}.x. */
    public static Subscription to(String source, int schemaMajor, String... detailTypes) {
        return new Subscription(Map.of()).and(source, schemaMajor, detailTypes);
    }

    /** This subscription plus {@code detailTypes} of another {@code source}. */
    public Subscription and(String source, int schemaMajor, String... detailTypes) {
        if (detailTypes.length == 0) {
            throw new IllegalArgumentException("a subscription to " + source + " names at least one detail-type");
        }
        if (topics.containsKey(source)) {
            throw new IllegalArgumentException("source " + source + " is already subscribed");
        }
        Map<String, Topic> more = new LinkedHashMap<>(topics);
        more.put(source, new Topic(schemaMajor, Set.of(detailTypes)));
        return new Subscription(more);
    }

    /** Refuses, with a reason naming what is wrong, an event this consumer was not written for. */
    public IncomingEvent check(IncomingEvent event) {
        Topic topic = topics.get(event.source());
        if (topic == null) {
            throw new MalformedEventException("source " + event.source() + " is not one of " + new TreeSet<>(topics.keySet()));
        }
        if (!topic.detailTypes().contains(event.detailType())) {
            throw new MalformedEventException("detail-type " + event.detailType() + " of " + event.source()
                    + " is not one of " + new TreeSet<>(topic.detailTypes()));
        }
        if (event.schemaMajorVersion() != topic.schemaMajor()) {
            throw new MalformedEventException("schemaVersion " + event.metadata().schemaVersion() + " of "
                    + event.detailType() + " is not " + topic.schemaMajor() + ".x");
        }
        return event;
    }

    /** True when {@code event} is of {@code source} and {@code detailType}: for dispatching a checked event. */
    public static boolean is(IncomingEvent event, String source, String detailType) {
        return source.equals(event.source()) && detailType.equals(event.detailType());
    }
}
