package shop.platform.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one consumer was written for: for each producing {@code source}, the detail-types it reads and, for each
 * type, the schema major versions it understands (two while a consumer moves from one major to the next). Every
 * consumer checks an event against its subscription before reading it, so an event from another source, of another
 * type or of a major it does not read fails with a reason (and so reaches the consumer's dead-letter queue) instead
 * of being half-read.
 */
public final class Subscription {

    /** source to detail-type to the majors read. */
    private final Map<String, Map<String, Set<Integer>>> topics;

    private Subscription(Map<String, Map<String, Set<Integer>>> topics) {
        this.topics = topics;
    }

    /** A subscription to {@code detailTypes} of {@code source}, schema version {@code schemaMajor}.x. */
    public static Subscription to(String source, int schemaMajor, String... detailTypes) {
        return new Subscription(Map.of()).and(source, schemaMajor, detailTypes);
    }

    /**
     * This subscription plus {@code detailTypes} of {@code source} at {@code schemaMajor}.x: another source, more types
     * of a subscribed source, or another major of a subscribed type (a consumer that reads both while it moves).
     */
    public Subscription and(String source, int schemaMajor, String... detailTypes) {
        if (detailTypes.length == 0) {
            throw new IllegalArgumentException("a subscription to " + source + " names at least one detail-type");
        }
        Map<String, Map<String, Set<Integer>>> more = new LinkedHashMap<>(topics);
        Map<String, Set<Integer>> types = new LinkedHashMap<>(more.getOrDefault(source, Map.of()));
        for (String type : detailTypes) {
            Set<Integer> majors = new TreeSet<>(types.getOrDefault(type, Set.of()));
            if (!majors.add(schemaMajor)) {
                throw new IllegalArgumentException(type + " of " + source + " is already subscribed at " + schemaMajor + ".x");
            }
            types.put(type, Set.copyOf(majors));
        }
        more.put(source, Map.copyOf(types));
        return new Subscription(Map.copyOf(more));
    }

    /** Refuses, with a reason naming what is wrong, an event this consumer was not written for. */
    public IncomingEvent check(IncomingEvent event) {
        Map<String, Set<Integer>> types = topics.get(event.source());
        if (types == null) {
            throw new MalformedEventException("source " + event.source() + " is not one of " + new TreeSet<>(topics.keySet()));
        }
        Set<Integer> majors = types.get(event.detailType());
        if (majors == null) {
            throw new MalformedEventException("detail-type " + event.detailType() + " of " + event.source()
                    + " is not one of " + new TreeSet<>(types.keySet()));
        }
        if (!majors.contains(event.schemaMajorVersion())) {
            throw new MalformedEventException("schemaVersion " + event.metadata().schemaVersion() + " of "
                    + event.detailType() + " is not " + new TreeSet<>(majors).stream().map(major -> major + ".x")
                    .collect(Collectors.joining(" or ")));
        }
        return event;
    }

    /** True when {@code event} is of {@code source} and {@code detailType}: for dispatching a checked event. */
    public static boolean is(IncomingEvent event, String source, String detailType) {
        return source.equals(event.source()) && detailType.equals(event.detailType());
    }
}
