package shop.notification.adapter.ses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.notification.application.SendingThrottledException;
import shop.notification.domain.Email;
import shop.notification.domain.EmailAddress;

/** The instance's share of SES's send rate, on a clock the test moves (the bucket's waits move it too). */
class PacedEmailsTest {

    private static final Email EMAIL = new Email(new EmailAddress("ada@example.com"), "Subject", "Body");

    private long now;
    private final List<Long> sentAt = new ArrayList<>();
    private boolean throttle;

    private PacedEmails paced(double accountRate, int instances) {
        return new PacedEmails(email -> {
            if (throttle) {
                throw new SendingThrottledException("TooManyRequestsException", 429);
            }
            sentAt.add(now);
            return "ses-" + sentAt.size();
        }, accountRate, instances, () -> now, nanos -> now += nanos);
    }

    @Test
    void the_account_rate_shared_by_two_instances_spaces_one_instances_sends_by_two_seconds_in_the_sandbox() {
        PacedEmails emails = paced(1, 2);

        for (int i = 0; i < 3; i++) {
            emails.send(EMAIL);
        }

        // half a token at start (one second's share): the first send waits 1 s, each next one 2 s
        assertEquals(List.of(1_000_000_000L, 3_000_000_000L, 5_000_000_000L), sentAt);
        assertEquals(Duration.ofSeconds(2), emails.untilNextSend());
    }

    @Test
    void a_faster_account_lets_one_seconds_share_go_at_once_and_then_paces() {
        PacedEmails emails = paced(14, 2);

        assertEquals(Duration.ZERO, emails.untilNextSend());
        for (int i = 0; i < 3; i++) {
            emails.send(EMAIL);
        }

        assertEquals(List.of(0L, 142_857_143L, 285_714_286L), sentAt);
    }

    @Test
    void a_throttle_empties_the_bucket_so_the_next_send_waits_a_full_turn() {
        PacedEmails emails = paced(20, 2);
        now += 5_000_000_000L;
        assertEquals(Duration.ZERO, emails.untilNextSend());

        throttle = true;
        assertThrows(SendingThrottledException.class, () -> emails.send(EMAIL));

        assertEquals(Duration.ofMillis(100), emails.untilNextSend());
    }

    @Test
    void a_rate_or_a_count_of_instances_that_is_not_positive_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> paced(0, 2));
        assertThrows(IllegalArgumentException.class, () -> paced(1, 0));
        assertThrows(IllegalArgumentException.class, () -> paced(Double.NaN, 1));
    }
}
