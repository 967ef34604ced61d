package shop.localcloud.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A burst's thousands of throttles make one flow line per part and report, with the count. */
class ThrottlesTest {

    private final Flow flow = Flow.quiet();
    private final Throttles throttles = new Throttles(flow);

    @Test
    void a_burst_is_one_line_per_part_with_its_count_and_a_quiet_second_none() {
        AtomicLong sesRefusals = new AtomicLong();
        throttles.countedBy(Throttles.SES, sesRefusals::get);
        for (int i = 0; i < 2_000; i++) {
            throttles.record(Throttles.PUT_EVENTS);
        }
        throttles.record(Throttles.lambda("InventoryFunction"));
        sesRefusals.set(7);

        throttles.report();

        assertEquals(List.of(
                "THROTTLE lambda:InventoryFunction: 1 throttled in the last second (1 since the start)",
                "THROTTLE putEvents: 2000 throttled in the last second (2000 since the start)",
                "THROTTLE ses: 7 throttled in the last second (7 since the start)"), lines());
        throttles.report();
        assertEquals(3, lines().size(), "nothing throttled since: no line");

        throttles.record(Throttles.PUT_EVENTS);
        throttles.report();
        assertEquals("THROTTLE putEvents: 1 throttled in the last second (2001 since the start)", lines().get(3));
    }

    @Test
    void totals_name_only_the_parts_that_throttled() {
        throttles.countedBy(Throttles.DYNAMODB, () -> 0);
        throttles.record(Throttles.API);
        throttles.record(Throttles.API);

        assertEquals(Map.of("api", 2L), throttles.totals());
        assertEquals(2, throttles.total("api"));
        assertEquals(0, throttles.total("dynamodb"));
        assertEquals(0, throttles.total("lambda:NoSuchFunction"));
    }

    private List<String> lines() {
        return flow.since(0).stream().map(line -> line.kind() + " " + line.text()).toList();
    }
}
