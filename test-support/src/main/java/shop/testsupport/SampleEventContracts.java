package shop.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import shop.localparts.ProjectRoot;

/**
 * A consumer's side of the contract: its sample events ({@code events/<module>/}) held against the published
 * language ({@code events/schemas/}). Every consumer runs {@link ConsumerSampleContract}, which asserts these find nothing.
 */
public final class SampleEventContracts {

    /** The samples every consumer keeps: those the rule delivers, the malformed one, one only ever invoked directly. */
    public static final List<String> REQUIRED = List.of("order-placed.json", "order-cancelled.json",
            "order-placed-duplicate.json", "order-placed-replayed.json", "cancelled-before-placed.json",
            "placed-after-cancel.json", "malformed.json", "direct-unknown-detail-type.json");

    /** The producer of each detail-type not from the order context (whose events are the default). */
    private static final Map<String, String> SOURCE_OF = Map.of("StockReserved", "shop.inventory",
            "StockShortage", "shop.inventory", "ParcelShipped", "shop.packaging");
    private static final String MALFORMED = "malformed.json";
    private static final String UNKNOWN_MAJOR = "-unknown-major.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleEventContracts() {
    }

    /**
     * What is wrong, by file, with the samples of {@code module} that the rule delivers (every one but
     * {@code malformed*} and {@code direct-*}): a source other than the detail-type's producer, a detail its schema refuses,
     * or a required sample ({@link #REQUIRED}) that is missing. Empty when the contract holds.
     */
    public static Map<String, List<String>> deliveredSampleProblems(String module) {
        return deliveredSampleProblems(folder(module), REQUIRED);
    }

    /**
     * As {@link #deliveredSampleProblems(String)}, for a consumer that keeps the samples {@code required}. A sample
     * named {@code *-unknown-major.json} stands for a schema major its producer has not published: it must not claim a
     * major that {@code events/schemas/} holds, and is held against no schema.
     */
    public static Map<String, List<String>> deliveredSampleProblems(String module, List<String> required) {
        return deliveredSampleProblems(folder(module), required, List.of());
    }

    /** As above, and every delivered sample's source must be one of {@code subscribedSources} (the consumer's rule reads no other). */
    public static Map<String, List<String>> deliveredSampleProblems(String module, List<String> required, List<String> subscribedSources) {
        return deliveredSampleProblems(folder(module), required, subscribedSources);
    }

    /** The violations of {@code malformed.json}'s detail against its detail-type's schema; none means it is not malformed. */
    public static List<String> malformedSampleViolations(String module) {
        return malformedSampleViolations(module, MALFORMED);
    }

    /** The violations of sample {@code name}'s detail against its detail-type's schema; none means it is not malformed. */
    public static List<String> malformedSampleViolations(String module, String name) {
        JsonNode event = read(folder(module).resolve(name));
        return EventSchemas.violations(event.path("detail-type").asText(), event.path("detail"));
    }

    /**
     * Where the duplicate and the replayed sample stop being redeliveries of {@code order-placed.json}: each must carry
     * the same detail (so the same metadata.eventId) under another EventBridge id, and the replay a replay-name.
     */
    public static List<String> duplicateAndReplayProblems(String module) {
        return duplicateAndReplayProblems(module, "order-placed.json");
    }

    /** As {@link #duplicateAndReplayProblems(String)}, for {@code <original>-duplicate.json} and {@code -replayed.json}. */
    public static List<String> duplicateAndReplayProblems(String module, String original) {
        Path folder = folder(module);
        String stem = original.substring(0, original.length() - ".json".length());
        JsonNode first = read(folder.resolve(original));
        List<String> problems = new ArrayList<>();
        for (String name : List.of(stem + "-duplicate.json", stem + "-replayed.json")) {
            JsonNode copy = read(folder.resolve(name));
            if (!first.path("detail").equals(copy.path("detail"))) {
                problems.add(name + ": its detail differs from " + original + "'s");
            }
            if (first.path("id").equals(copy.path("id"))) {
                problems.add(name + ": it has " + original + "'s EventBridge id");
            }
        }
        if (!read(folder.resolve(stem + "-replayed.json")).path("replay-name").isTextual()) {
            problems.add(stem + "-replayed.json: it has no replay-name");
        }
        return problems;
    }

    static Map<String, List<String>> deliveredSampleProblems(Path folder) {
        return deliveredSampleProblems(folder, REQUIRED);
    }

    static Map<String, List<String>> deliveredSampleProblems(Path folder, List<String> required) {
        return deliveredSampleProblems(folder, required, List.of());
    }

    static Map<String, List<String>> deliveredSampleProblems(Path folder, List<String> required, List<String> subscribedSources) {
        Map<String, List<String>> problems = new TreeMap<>();
        List<String> names = sampleNames(folder);
        for (String sample : required) {
            if (!names.contains(sample)) {
                problems.put(sample, List.of("missing from " + folder));
            }
        }
        for (String name : names) {
            if (name.startsWith("malformed") || name.startsWith("direct-")) {
                continue;
            }
            JsonNode event = read(folder.resolve(name));
            String actual = event.path("source").asText();
            if (!event.has("detail-type") || !actual.startsWith("shop.")) {
                continue; // not an event of the published language: a direct input (ship-parcel.json) or a schedule
            }
            List<String> found = new ArrayList<>();
            if (!subscribedSources.isEmpty() && !subscribedSources.contains(actual)) {
                found.add("source " + actual + " is not one of " + subscribedSources);
            }
            if (name.endsWith(UNKNOWN_MAJOR)) {
                String version = event.at("/detail/metadata/schemaVersion").asText();
                if (EventSchemas.published(event.path("detail-type").asText(), EventSchemas.major(event.path("detail")))) {
                    found.add("its schemaVersion " + version + " is a published major, not an unknown one");
                }
            } else {
                String source = SOURCE_OF.getOrDefault(event.path("detail-type").asText(), "shop.orders");
                if (!source.equals(actual)) {
                    found.add("source is '" + actual + "', not " + source);
                }
                found.addAll(EventSchemas.violations(event.path("detail-type").asText(), event.path("detail")));
            }
            if (!found.isEmpty()) {
                problems.put(name, found);
            }
        }
        return problems;
    }

    static Path folder(String module) {
        Path folder = ProjectRoot.find().resolve("events").resolve(module);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no sample events folder at " + folder);
        }
        return folder;
    }

    static List<String> sampleNames(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
