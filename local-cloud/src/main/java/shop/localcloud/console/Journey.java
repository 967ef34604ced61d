package shop.localcloud.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import shop.localcloud.common.Flow;
import shop.localcloud.eventbridge.Archive;

/**
 * What happened to one business object (an order id, or any id its events carry) across every context: the
 * archived events whose content mentions it, and every flow line (delivery, retry, failure, DLQ arrival, with its
 * outcome and duration) about one of those events. Generic: it knows no event type or context by name.
 */
final class Journey {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Journey() {
    }

    static ObjectNode of(String id, Archive archive, Flow flow) {
        ObjectNode journey = JSON.createObjectNode();
        journey.put("id", id);
        ArrayNode events = journey.putArray("events");
        List<String> shortIds = new ArrayList<>();
        if (id.length() >= 4) {
            for (Archive.Archived archived : archive.between(Instant.EPOCH, Instant.now().plusSeconds(60))) {
                if (archived.event().path("detail").toString().contains(id)) {
                    String eventId = archived.event().path("id").asText();
                    shortIds.add(Flow.shortId(eventId));
                    events.addObject().put("time", archived.event().path("time").asText()).put("bus", archived.eventBusName())
                            .put("source", archived.event().path("source").asText())
                            .put("detailType", archived.event().path("detail-type").asText()).put("eventId", eventId);
                }
            }
        }
        ArrayNode lines = journey.putArray("deliveries");
        for (Flow.Line line : flow.since(0)) {
            if (!line.kind().equals("EVENT") && shortIds.stream().anyMatch(s -> line.text().contains(" " + s))) {
                lines.addObject().put("seq", line.seq()).put("time", line.time()).put("kind", line.kind()).put("text", line.text());
            }
        }
        return journey;
    }
}
