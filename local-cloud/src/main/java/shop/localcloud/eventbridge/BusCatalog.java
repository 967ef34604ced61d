package shop.localcloud.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import shop.localcloud.cloudformation.Model;
import shop.localcloud.cloudformation.Model.RuleSpec;
import shop.localcloud.cloudformation.Model.ScheduleSpec;
import shop.localcloud.cloudformation.Model.SystemSpec;
import software.amazon.event.ruler.Machine;

/**
 * EventBridge as a user inspects it (ListEventBuses, DescribeEventBus, ListRules, DescribeRule, ListTargetsByRule,
 * ListArchives and DescribeArchive by {@link ArchiveCatalog}, TestEventPattern), answered in the shapes of AWS's API model for exactly what the
 * template declares: its buses, the rules SAM makes of EventBridgeRule and Schedule events, their targets, archives.
 */
public final class BusCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PREFIX = "arn:aws:events:" + Model.REGION + ":" + Model.ACCOUNT + ":";

    /** A rule as EventBridge lists it: from an EventBridgeRule event, or a Schedule event (on the default bus). */
    private record Rule(String name, String bus, String pattern, String schedule, boolean enabled, RuleSpec spec, String functionId) {

        String arn() {
            return PREFIX + "rule/" + (bus.equals("default") ? "" : bus + "/") + name;
        }
    }

    private final SystemSpec spec;
    private final List<String> buses = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final ArchiveCatalog archives;
    private final double createdAt = Instant.now().toEpochMilli() / 1000.0;

    public BusCatalog(SystemSpec spec, Archive archive) {
        this.spec = spec;
        this.archives = new ArchiveCatalog(spec.archives(), archive, createdAt);
        buses.add("default");
        spec.buses().stream().filter(b -> !b.equals("default")).forEach(buses::add);
        for (RuleSpec rule : spec.rules()) {
            rules.add(new Rule(rule.name(), rule.busName(), rule.patternJson(), null, true, rule, rule.functionId()));
        }
        for (ScheduleSpec schedule : spec.schedules()) {
            rules.add(new Rule(schedule.name(), "default", null, schedule.expression(), schedule.enabled(), null, schedule.functionId()));
        }
    }

    ObjectNode listEventBuses(JsonNode request) {
        String prefix = request.path("NamePrefix").asText("");
        return page(request, "EventBuses", buses.stream().filter(b -> b.startsWith(prefix)).toList(), this::busShape);
    }

    ObjectNode describeEventBus(JsonNode request) {
        return busShape(bus(request.path("Name").asText("default")));
    }

    ObjectNode listRules(JsonNode request) {
        String bus = bus(request.path("EventBusName").asText("default"));
        String prefix = request.path("NamePrefix").asText("");
        return page(request, "Rules", rules.stream().filter(r -> r.bus().equals(bus) && r.name().startsWith(prefix)).toList(), this::rule);
    }

    ObjectNode describeRule(JsonNode request) {
        ObjectNode rule = rule(rule(request.path("Name").asText(), request.path("EventBusName").asText("default")));
        rule.put("CreatedBy", Model.ACCOUNT);
        return rule;
    }

    ObjectNode listTargetsByRule(JsonNode request) {
        Rule rule = rule(request.path("Rule").asText(), request.path("EventBusName").asText("default"));
        ObjectNode target = JSON.createObjectNode();
        // SAM names the target of a function's event <FunctionLogicalId><EventName>LambdaTarget unless it sets Target.Id
        boolean queue = rule.spec() != null && rule.spec().targetsQueue();
        target.put("Id", queue ? rule.spec().queueId() : rule.name() + "LambdaTarget");
        target.put("Arn", queue ? spec.queue(rule.spec().queueId()).arn() : spec.function(rule.functionId()).arn());
        if (rule.spec() != null) {
            ObjectNode retry = target.putObject("RetryPolicy");
            retry.put("MaximumRetryAttempts", rule.spec().maximumRetryAttempts());
            retry.put("MaximumEventAgeInSeconds", rule.spec().maximumEventAgeSeconds());
            if (rule.spec().deadLetterQueue() != null) {
                target.putObject("DeadLetterConfig").put("Arn", spec.queue(rule.spec().deadLetterQueue()).arn());
            }
        }
        return page(request, "Targets", List.of(target), t -> t);
    }

    ObjectNode listArchives(JsonNode request) {
        return archives.list(request);
    }

    ObjectNode describeArchive(JsonNode request) {
        return archives.describe(request);
    }

    ObjectNode testEventPattern(JsonNode request) {
        JsonNode event;
        try {
            event = JSON.readTree(request.path("Event").asText(""));
        } catch (Exception e) {
            throw new EventBus.ApiException(400, "ValidationException", "Event is not valid JSON.");
        }
        List<String> missing = List.of("id", "account", "source", "time", "region", "detail-type").stream()
                .filter(f -> event == null || !event.has(f)).toList();
        if (!missing.isEmpty()) {
            throw new EventBus.ApiException(400, "ValidationException", "Event is missing the mandatory fields " + missing + ".");
        }
        Machine machine = Machine.builder().build();
        try {
            machine.addRule("pattern", request.path("EventPattern").asText(""));
        } catch (Exception e) {
            throw new EventBus.ApiException(400, "InvalidEventPatternException", "Event pattern is not valid. Reason: " + e.getMessage());
        }
        try {
            return JSON.createObjectNode().put("Result", !machine.rulesForJSONEvent(event.toString()).isEmpty());
        } catch (Exception e) {
            throw new EventBus.ApiException(400, "ValidationException", "Event is not valid: " + e.getMessage());
        }
    }

    private String bus(String nameOrArn) {
        String name = nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
        if (!buses.contains(name)) {
            throw new EventBus.ApiException(400, "ResourceNotFoundException", "Event bus " + name + " does not exist.");
        }
        return name;
    }

    private ObjectNode busShape(String name) {
        ObjectNode bus = JSON.createObjectNode();
        bus.put("Name", name);
        bus.put("Arn", PREFIX + "event-bus/" + name);
        bus.put("CreationTime", createdAt);
        bus.put("LastModifiedTime", createdAt);
        return bus;
    }

    private Rule rule(String name, String busNameOrArn) {
        String bus = bus(busNameOrArn);
        return rules.stream().filter(r -> r.name().equals(name) && r.bus().equals(bus)).findFirst()
                .orElseThrow(() -> new EventBus.ApiException(400, "ResourceNotFoundException", "Rule " + name + " does not exist on EventBus " + bus + "."));
    }

    private ObjectNode rule(Rule rule) {
        ObjectNode node = JSON.createObjectNode();
        node.put("Name", rule.name());
        node.put("Arn", rule.arn());
        if (rule.pattern() != null) {
            node.put("EventPattern", rule.pattern());
        }
        if (rule.schedule() != null) {
            node.put("ScheduleExpression", rule.schedule());
        }
        node.put("State", rule.enabled() ? "ENABLED" : "DISABLED");
        node.put("EventBusName", rule.bus());
        return node;
    }

    /** One page of {@code items} (Limit, NextToken: the index of the next item), as the List* operations answer. */
    static <T> ObjectNode page(JsonNode request, String field, List<T> items, Function<T, ObjectNode> shape) {
        int from = 0;
        if (request.hasNonNull("NextToken")) {
            try {
                from = Integer.parseInt(request.path("NextToken").asText());
            } catch (NumberFormatException e) {
                throw new EventBus.ApiException(400, "ValidationException", "The NextToken is not valid.");
            }
        }
        int limit = request.path("Limit").asInt(100);
        if (limit < 1 || limit > 100) {
            throw new EventBus.ApiException(400, "ValidationException", "1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
        }
        ObjectNode response = JSON.createObjectNode();
        ArrayNode list = response.putArray(field);
        int to = Math.min(items.size(), from + limit);
        for (int i = Math.max(0, from); i < to; i++) {
            list.add(shape.apply(items.get(i)));
        }
        if (to < items.size()) {
            response.put("NextToken", Integer.toString(to));
        }
        return response;
    }
}
