package shop.localcloud.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import shop.localcloud.cloudformation.Model.ArchiveSpec;
import software.amazon.event.ruler.Machine;

/**
 * The template's {@code AWS::Events::Archive}s as ListArchives and DescribeArchive answer: their settings, and the
 * count and size of the events local-cloud archived on their bus that match their pattern.
 */
final class ArchiveCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ArchiveSpec> specs;
    private final Archive archive;
    private final double createdAt;

    ArchiveCatalog(List<ArchiveSpec> specs, Archive archive, double createdAt) {
        this.specs = List.copyOf(specs);
        this.archive = archive;
        this.createdAt = createdAt;
    }

    ObjectNode list(JsonNode request) {
        String prefix = request.path("NamePrefix").asText("");
        String source = request.path("EventSourceArn").asText("");
        String state = request.path("State").asText("");
        return BusCatalog.page(request, "Archives", specs.stream().filter(a -> a.name().startsWith(prefix))
                .filter(a -> source.isEmpty() || source.equals(BusCatalog.PREFIX + "event-bus/" + a.busName()))
                .filter(a -> state.isEmpty() || state.equals("ENABLED")).toList(), a -> archive(a, false));
    }

    ObjectNode describe(JsonNode request) {
        String name = request.path("ArchiveName").asText();
        return archive(specs.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new EventBus.ApiException(400, "ResourceNotFoundException", "Archive " + name + " does not exist.")), true);
    }

    /** An archive: the template's settings, and the count and size of the archived events it holds (its bus, its pattern). */
    private ObjectNode archive(ArchiveSpec spec, boolean described) {
        Machine machine = Machine.builder().build();
        if (spec.patternJson() != null) {
            try {
                machine.addRule("archive", spec.patternJson());
            } catch (Exception e) {
                throw new EventBus.ApiException(500, "InternalException", "the archive's pattern is not valid: " + e.getMessage());
            }
        }
        long count = 0;
        long size = 0;
        for (Archive.Archived archived : archive.between(Instant.EPOCH, Instant.now().plusSeconds(60))) {
            if (archived.eventBusName().equals(spec.busName()) && (spec.patternJson() == null || matches(machine, archived.event()))) {
                count++;
                size += archived.event().toString().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        ObjectNode node = JSON.createObjectNode();
        if (described) {
            node.put("ArchiveArn", spec.arn());
        }
        node.put("ArchiveName", spec.name());
        node.put("EventSourceArn", BusCatalog.PREFIX + "event-bus/" + spec.busName());
        if (described && spec.description() != null) {
            node.put("Description", spec.description());
        }
        if (described && spec.patternJson() != null) {
            node.put("EventPattern", spec.patternJson());
        }
        node.put("State", "ENABLED");
        if (spec.retentionDays() != null) {
            node.put("RetentionDays", spec.retentionDays());
        }
        node.put("SizeBytes", size);
        node.put("EventCount", count);
        node.put("CreationTime", createdAt);
        return node;
    }

    private static boolean matches(Machine machine, JsonNode event) {
        try {
            return !machine.rulesForJSONEvent(event.toString()).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }
}
