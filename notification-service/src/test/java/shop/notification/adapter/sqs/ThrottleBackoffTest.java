package shop.notification.adapter.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a throttled message stays out of sight, and what the queue's 20 receives add up to. */
class ThrottleBackoffTest {

    @Test
    void the_first_receive_waits_45_to_90_s_and_each_next_one_twice_as_long_up_to_12_hours() {
        assertEquals(Duration.ofSeconds(45), ThrottleBackoff.delay(1, 0));
        assertEquals(Duration.ofSeconds(90), ThrottleBackoff.delay(1, 1));
        assertEquals(Duration.ofSeconds(270), ThrottleBackoff.delay(3, 0.5)); // 180 fixed + half of 180
        assertEquals(Duration.ofHours(6), ThrottleBackoff.delay(10, 0));
        assertEquals(Duration.ofHours(12), ThrottleBackoff.delay(20, 1));
        assertEquals(Duration.ofHours(12), ThrottleBackoff.delay(500, 1));
        assertEquals(Duration.ofSeconds(45), ThrottleBackoff.delay(0, 0));
    }

    @Test
    void twenty_throttled_receives_span_at_least_three_days_and_at_most_about_six() {
        Duration shortest = Duration.ZERO;
        Duration longest = Duration.ZERO;
        for (int receive = 1; receive <= 20; receive++) {
            shortest = shortest.plus(ThrottleBackoff.delay(receive, 0));
            longest = longest.plus(ThrottleBackoff.delay(receive, 1));
        }

        assertEquals(Duration.ofSeconds(260_595), shortest); // 3 days 0 h 23 min
        assertEquals(Duration.ofSeconds(521_190), longest);  // 6 days 0 h 46 min, under the queue's 14 days
    }

    @Test
    void a_shorter_first_delay_doubles_from_there_and_is_refused_below_a_second() {
        assertEquals(Duration.ofSeconds(1), ThrottleBackoff.delay(Duration.ofSeconds(2), 1, 0));
        assertEquals(Duration.ofSeconds(2), ThrottleBackoff.delay(Duration.ofSeconds(2), 1, 1));
        assertEquals(Duration.ofSeconds(6), ThrottleBackoff.delay(Duration.ofSeconds(2), 3, 0.5)); // 4 fixed + half of 4
        assertEquals(Duration.ofHours(12), ThrottleBackoff.delay(Duration.ofSeconds(2), 40, 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ThrottleBackoff(null, "q", () -> 0, Duration.ofMillis(500)));
    }
}
