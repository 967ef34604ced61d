package shop.localcloud.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import shop.localcloud.Faults;
import shop.localcloud.Flow;
import shop.localcloud.UserError;
import shop.localcloud.cloudformation.Model;
import shop.localcloud.cloudformation.Model.RuleSpec;
import software.amazon.event.ruler.Machine;

/**
 * The EventBridge buses of the template: validates {@code PutEvents} as AWS does, wraps each entry in the event
 * envelope, archives it, matches the rules with event-ruler (the engine behind EventBridge patterns) and hands the
 * event to each matched rule's target.
 */
public final class EventBus {

    /** A whole-request failure, answered as the EventBridge JSON protocol does ({@code __type} + message). */
    public static final class ApiException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public final int status;
        public final String type;

        public ApiException(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }

    static final int MAX_ENTRIES = 10;
    static final int MAX_REQUEST_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Machine> machines = new HashMap<>();
    private final Map<String, RuleSpec> rules = new LinkedHashMap<>();
    private final Set<String> buses;
    private final Archive archive;
    private final Deliveries deliveries;
    private final Flow flow;
    private volatile Faults faults;

    public EventBus(Collection<String> busNames, List<RuleSpec> ruleSpecs, Archive archive, Deliveries deliveries, Flow flow, Faults faults) {
        this.faults = faults;
        this.buses = new java.util.LinkedHashSet<>(busNames);
        this.buses.add("default");
        this.archive = archive;
        this.deliveries = deliveries;
        this.flow = flow;
        for (RuleSpec rule : ruleSpecs) {
            if (!buses.contains(rule.busName())) {
                throw new UserError("template.yaml: rule " + rule.name() + " is on bus " + rule.busName() + ", which the template does not declare");
            }
            try {
                machines.computeIfAbsent(rule.busName(), b -> Machine.builder().build()).addRule(rule.name(), rule.patternJson());
            } catch (IOException | RuntimeException e) {
                throw new UserError("template.yaml: the pattern of " + rule.name() + " is not a valid EventBridge pattern: " + e.getMessage());
            }
            rules.put(rule.name(), rule);
        }
    }

    /** Switches the injected faults while running (tests: fail PutEvents while orders are placed, then recover). */
    public void faults(Faults injected) {
        this.faults = injected;
    }

    public Set<String> busNames() {
        return buses;
    }

    /** Answers a PutEvents request body; whole-request errors throw {@link ApiException}. */
    public ObjectNode putEvents(JsonNode request) {
        JsonNode entries = request.path("Entries");
        if (!entries.isArray() || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new ApiException(400, "ValidationException", "1 validation error detected: Value at 'entries' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 10 and greater than or equal to 1");
        }
        long size = 0;
        for (JsonNode entry : entries) {
            size += entrySize(entry);
        }
        if (size > MAX_REQUEST_BYTES) {
            throw new ApiException(400, "ValidationException", "Total size of the entries in the request is over the limit.");
        }
        Faults faults = this.faults;
        boolean targeted = false;
        for (JsonNode entry : entries) {
            targeted |= faults.appliesTo(entry.path("Source").asText());
        }
        if (targeted && faults.failPutEventsCall()) {
            flow.line("FAULT", "PutEvents with " + entries.size() + " entries answered HTTP 500 (--fault-put-events)");
            throw new ApiException(500, "InternalException", "Injected failure (local-cloud --fault-put-events)");
        }
        ObjectNode response = JSON.createObjectNode();
        ArrayNode results = response.putArray("Entries");
        int failed = 0;
        List<Runnable> accepted = new ArrayList<>();
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            String error = invalid(entry);
            if (error != null) {
                failed++;
                result.put("ErrorCode", error.substring(0, error.indexOf('|')));
                result.put("ErrorMessage", error.substring(error.indexOf('|') + 1));
                continue;
            }
            if (faults.appliesTo(entry.path("Source").asText()) && faults.failPutEventsEntry()) {
                failed++;
                result.put("ErrorCode", "InternalFailure");
                result.put("ErrorMessage", "Injected failure (local-cloud --fault-put-events-entry)");
                flow.line("FAULT", "PutEvents entry " + entry.path("DetailType").asText() + " rejected (--fault-put-events-entry)");
                continue;
            }
            String bus = busName(entry.path("EventBusName").asText("default"));
            ObjectNode event = envelope(entry);
            result.put("EventId", event.path("id").asText());
            accepted.add(() -> publish(bus, event));
        }
        response.put("FailedEntryCount", failed);
        accepted.forEach(Runnable::run);
        return response;
    }

    /** Archives the event, then routes it (asynchronously) to the rules it matches. */
    void publish(String bus, ObjectNode event) {
        archive.append(bus, event);
        route(bus, event);
    }

    /** Sends archived events of [from, to] again, with {@code replay-name} set; they are not archived again. */
    public int replay(String replayName, Instant from, Instant to, String bus) {
        return replayed(replayName, from, to, bus).events();
    }

    /** What a replay sent, and how many unreadable archive lines it skipped. */
    public record Replayed(int events, int skippedLines) {
    }

    /** As {@link #replay}, saying also what it skipped. */
    public Replayed replayed(String replayName, Instant from, Instant to, String bus) {
        Archive.Read read = archive.read(from, to);
        List<Archive.Archived> events = read.events();
        int count = 0;
        for (Archive.Archived archived : events) {
            if (bus != null && !bus.equals(archived.eventBusName())) {
                continue;
            }
            ObjectNode event = archived.event().deepCopy();
            event.put("replay-name", replayName);
            route(archived.eventBusName(), event);
            count++;
        }
        flow.line("REPLAY", replayName + ": " + count + " events from " + from + " to " + to
                + (read.skippedLines() == 0 ? "" : "; " + read.skippedLines() + " unreadable archive line(s) skipped"));
        return new Replayed(count, read.skippedLines());
    }

    /** The names of the rules on {@code bus} that match {@code event}. */
    List<String> matchingRules(String bus, JsonNode event) {
        Machine machine = machines.get(bus);
        if (machine == null) {
            return List.of();
        }
        try {
            return machine.rulesForJSONEvent(event.toString()).stream().sorted().toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    private void route(String bus, ObjectNode event) {
        List<String> matched = matchingRules(bus, event);
        flow.line("EVENT", Deliveries.label(event) + " from " + event.path("source").asText() + " on " + bus + " -> "
                + (matched.isEmpty() ? "no rule matched" : matched.stream().map(r -> target(rules.get(r))).collect(Collectors.joining(", "))));
        for (String name : matched) {
            deliveries.deliver(rules.get(name), event);
        }
    }

    /** "InventoryFunction/OrderEvents": the target function and, after the slash, the rule (its event's name). */
    private static String target(RuleSpec rule) {
        String event = rule.name().startsWith(rule.functionId()) ? rule.name().substring(rule.functionId().length()) : rule.name();
        return rule.functionId() + "/" + event;
    }

    private String busName(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
    }

    /** {@code ErrorCode|ErrorMessage} as AWS reports an invalid entry, or null when the entry is valid. */
    private String invalid(JsonNode entry) {
        for (String field : List.of("Source", "DetailType", "Detail")) {
            if (!entry.path(field).isTextual() || entry.path(field).asText().isEmpty()) {
                return "InvalidArgument|Parameter " + field + " is not valid. Reason: " + field + " is a required argument.";
            }
            if (!validUnicode(entry.path(field))) {
                return "InvalidArgument|Parameter " + field + " is not valid. Reason: it is not valid UTF-8 text.";
            }
        }
        if (entry.path("Source").asText().startsWith("aws.")) {
            return "NotAuthorizedForSourceException|Not authorized for the source.";
        }
        try {
            JsonNode detail = JSON.readTree(entry.path("Detail").asText());
            if (detail == null || !detail.isObject() || !validUnicode(detail)) {
                return "MalformedDetail|Detail is malformed.";
            }
        } catch (IOException e) {
            return "MalformedDetail|Detail is malformed.";
        }
        String bus = busName(entry.path("EventBusName").asText("default"));
        if (!buses.contains(bus)) {
            return "InvalidArgument|Event bus " + bus + " does not exist.";
        }
        return null;
    }

    private ObjectNode envelope(JsonNode entry) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", entry.path("DetailType").asText());
        event.put("source", entry.path("Source").asText());
        event.put("account", Model.ACCOUNT);
        Instant time = entry.path("Time").isNumber()
                ? Instant.ofEpochMilli((long) (entry.path("Time").asDouble() * 1000)) : Instant.now();
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", Model.REGION);
        ArrayNode resources = event.putArray("resources");
        entry.path("Resources").forEach(resources::add);
        try {
            event.set("detail", JSON.readTree(entry.path("Detail").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("validated before", e);
        }
        return event;
    }

    /**
     * Whether every string in {@code node} (names too) is valid Unicode. A lone surrogate arrives as a JSON escape
     * ({@code \ud800}) that parses, but no UTF-8 line can hold it; this stand-in refuses it as a malformed entry, so it
     * never reaches the archive (what EventBridge answers is not verified here: no AWS account).
     */
    static boolean validUnicode(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
        for (var field : node.properties()) {
            if (!validUnicode(JSON.getNodeFactory().textNode(field.getKey())) || !validUnicode(field.getValue())) {
                return false;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!validUnicode(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The size AWS counts for an entry: Time (14 bytes if present), Source, DetailType, Detail and Resources. */
    static long entrySize(JsonNode entry) {
        long size = entry.has("Time") ? 14 : 0;
        for (String field : List.of("Source", "DetailType", "Detail")) {
            size += entry.path(field).asText("").getBytes(StandardCharsets.UTF_8).length;
        }
        for (JsonNode resource : entry.path("Resources")) {
            size += resource.asText().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }
}
