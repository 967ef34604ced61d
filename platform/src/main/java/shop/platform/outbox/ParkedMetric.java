package shop.platform.outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.events.PendingEvent;
import shop.platform.json.Json;

/**
 * The {@code OutboxEventsParked} count as one CloudWatch Embedded Metric Format line on stdout, with no dimension, so
 * one alarm (template.yaml: OutboxEventsParkedAlarm) covers every producer. Which event and why ride along as
 * properties: the event's id, type and the bus's reason, never its detail (personal data).
 */
public final class ParkedMetric {

    public static final String METRIC = "OutboxEventsParked";
    private static final Logger LOG = LoggerFactory.getLogger(ParkedMetric.class);

    private final String namespace;
    private final String service;
    private final PrintStream out;
    private final Clock clock;

    public ParkedMetric(String namespace, String service, PrintStream out, Clock clock) {
        this.namespace = namespace;
        this.service = service;
        this.out = out;
        this.clock = clock;
    }

    static ParkedMetric fromEnvironment() {
        String namespace = System.getenv().getOrDefault("METRICS_NAMESPACE", "shop");
        String service = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "local");
        return new ParkedMetric(namespace, service, System.out, Clock.systemUTC());
    }

    /** Never throws: the event is parked already; a lost metric line must not undo that. */
    void parked(PendingEvent event, String reason) {
        try {
            ObjectNode line = Json.object();
            ObjectNode definition = line.putObject("_aws").put("Timestamp", clock.millis())
                    .putArray("CloudWatchMetrics").addObject().put("Namespace", namespace);
            definition.putArray("Dimensions").addArray();
            definition.putArray("Metrics").addObject().put("Name", METRIC).put("Unit", "Count");
            line.put(METRIC, 1).put("function", service).put("eventId", event.eventId()).put("source", event.source())
                    .put("detailType", event.detailType()).put("reason", reason);
            out.print(Json.string(line) + "\n");
        } catch (RuntimeException e) {
            LOG.warn("could not write the {} metric for event {}", METRIC, event.eventId(), e);
        }
    }
}
