package shop.localcloud.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import shop.localcloud.cloudformation.Model.RuleSpec;
import shop.localcloud.common.Faults;
import shop.localcloud.common.Flow;
import shop.localcloud.common.UserError;
import software.amazon.event.ruler.Machine;

/**
 * The EventBridge buses of the template: validates {@code PutEvents} as AWS does and wraps each entry in the event
 * envelope ({@link PutEventsEntries}), archives it, matches the rules with event-ruler (the engine behind EventBridge
 * patterns) and hands the event to each matched rule's target.
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
        JsonNode entries = PutEventsEntries.of(request);
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
            String error = PutEventsEntries.invalid(entry, buses);
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
            String bus = PutEventsEntries.busName(entry);
            ObjectNode event = PutEventsEntries.envelope(entry);
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

    /** "InventoryFunction/OrderEvents": the target (function or queue) and, after the slash, the rule (its event's name). */
    private static String target(RuleSpec rule) {
        String event = rule.name().startsWith(rule.targetId()) ? rule.name().substring(rule.targetId().length()) : rule.name();
        return rule.targetId() + "/" + event;
    }


}
