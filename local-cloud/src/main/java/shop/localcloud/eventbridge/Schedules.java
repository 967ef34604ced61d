package shop.localcloud.eventbridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import shop.localcloud.cloudformation.Model;
import shop.localcloud.cloudformation.Model.ScheduleSpec;
import shop.localcloud.common.Flow;

/** Runs the template's {@code rate(...)} schedules, optionally faster ({@code --schedule-scale 0.1}: ten times as often). */
public final class Schedules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Schedules() {
    }

    public static void start(List<ScheduleSpec> schedules, double scale, ScheduledExecutorService timer, Deliveries deliveries, Flow flow) {
        for (ScheduleSpec schedule : schedules) {
            if (!schedule.enabled()) {
                continue;
            }
            if (schedule.rate() == null) {
                flow.info("  schedule " + schedule.name() + " (" + schedule.expression() + ") is not run locally: only rate(...) is");
                continue;
            }
            long period = Math.max(100, Math.round(schedule.rate().toMillis() * scale));
            timer.scheduleAtFixedRate(() -> deliveries.invokeAsync(schedule.functionId(), event(schedule),
                    "Scheduled Event " + schedule.name()), period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** The event EventBridge Scheduler-style rules send to a function. */
    static ObjectNode event(ScheduleSpec schedule) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", Model.ACCOUNT);
        event.put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", Model.REGION);
        event.putArray("resources").add("arn:aws:events:" + Model.REGION + ":" + Model.ACCOUNT + ":rule/" + schedule.name());
        event.putObject("detail");
        return event;
    }
}
