package shop.localparts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendQuota;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/** SES's sending quotas in front of the local SES: the counting on a moved clock, and the refusals as the SDK reads them. */
class SesSendingQuotaTest {

    @Test
    void the_rate_admits_a_second_of_recipients_then_one_per_refill_and_a_big_message_while_any_is_left() {
        AtomicLong now = new AtomicLong(5_000_000_000L);
        try (SesSendingQuota quota = new SesSendingQuota("http://127.0.0.1:1", 2, 1_000, now::get)) {
            assertNull(quota.admit(1));
            assertNull(quota.admit(1));
            assertEquals("Maximum sending rate exceeded.", quota.admit(1));
            now.addAndGet(499_000_000L);
            assertEquals("Maximum sending rate exceeded.", quota.admit(1), "0.998 of a recipient back, not 1");
            now.addAndGet(1_000_000L);
            assertNull(quota.admit(5), "any rate left lets a message to 5 go");
            now.addAndGet(2_000_000_000L); // -4 + 4 = 0 left
            assertEquals("Maximum sending rate exceeded.", quota.admit(1), "the 5 recipients are paid back first");
            now.addAndGet(500_000_000L);
            assertNull(quota.admit(1));
            assertEquals(3, quota.throttled());
        }
    }

    @Test
    void the_daily_quota_counts_recipients_over_the_last_24_hours() {
        AtomicLong now = new AtomicLong(0);
        try (SesSendingQuota quota = new SesSendingQuota("http://127.0.0.1:1", 100, 3, now::get)) {
            assertNull(quota.admit(2));
            now.addAndGet(3_600_000_000_000L); // an hour later
            assertNull(quota.admit(1));
            assertEquals("Daily message quota exceeded.", quota.admit(1));
            now.addAndGet(82_800_000_000_000L - 1); // just before the first message is a day old
            assertEquals("Daily message quota exceeded.", quota.admit(1));
            now.addAndGet(1);
            assertNull(quota.admit(2), "the first message's 2 recipients left the window");
            assertEquals("Daily message quota exceeded.", quota.admit(1));
        }
    }

    @Test
    void a_quota_set_to_zero_is_no_limit_and_one_of_the_two_must_be_set() {
        AtomicLong now = new AtomicLong(0);
        try (SesSendingQuota dailyOnly = new SesSendingQuota("http://127.0.0.1:1", 0, 2, now::get)) {
            assertNull(dailyOnly.admit(1));
            assertNull(dailyOnly.admit(1), "no rate: the second one in the same instant goes too");
            assertEquals("Daily message quota exceeded.", dailyOnly.admit(1));
        }
        try (SesSendingQuota rateOnly = new SesSendingQuota("http://127.0.0.1:1", 1, 0, now::get)) {
            for (int second = 0; second < 300; second++) {
                assertNull(rateOnly.admit(1), "no daily quota: second " + second);
                now.addAndGet(1_000_000_000L);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new SesSendingQuota("http://127.0.0.1:1", 0, 0, now::get));
        assertThrows(IllegalArgumentException.class, () -> new SesSendingQuota("http://127.0.0.1:1", -1, 10, now::get));
    }

    @Test
    void recipients_are_to_cc_and_bcc_and_one_for_a_request_that_cannot_be_read() {
        assertEquals(4, SesSendingQuota.recipients(("{\"Destination\":{\"ToAddresses\":[\"a@x\",\"b@x\"],"
                + "\"CcAddresses\":[\"c@x\"],\"BccAddresses\":[\"d@x\"]}}").getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, SesSendingQuota.recipients("not json".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, SesSendingQuota.recipients("{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void through_the_sdk_a_refused_email_is_a_throttle_and_not_sent_and_get_account_tells_the_quota() {
        try (SesV2Local ses = SesV2Local.start();
             SesSendingQuota quota = SesSendingQuota.start(ses.endpoint(), 0.2, 1_000); // one email, then one every 5 s
             SesV2Client client = LocalAwsClients.at(SesV2Client.builder(), quota.endpoint())) {
            client.sendEmail(b -> b.fromEmailAddress("shop@example.com").destination(d -> d.toAddresses("one@example.com"))
                    .content(c -> c.simple(m -> m.subject(t -> t.data("first")).body(x -> x.text(t -> t.data("hello"))))));
            TooManyRequestsException refused = assertThrows(TooManyRequestsException.class, () -> client.sendEmail(b -> b
                    .fromEmailAddress("shop@example.com").destination(d -> d.toAddresses("two@example.com"))
                    .content(c -> c.simple(m -> m.subject(t -> t.data("second")).body(x -> x.text(t -> t.data("hello")))))));
            assertEquals(429, refused.statusCode());
            assertEquals("Maximum sending rate exceeded.", refused.awsErrorDetails().errorMessage());
            assertTrue(refused.isThrottlingException(), "the SDKs retry it with backoff");
            assertEquals(1, ses.emails().size(), "the refused email was not sent");
            assertEquals("first", ses.emails().get(0).subject());

            SendQuota sendQuota = client.getAccount(b -> { }).sendQuota();
            assertEquals(0.2, sendQuota.maxSendRate());
            assertEquals(1_000.0, sendQuota.max24HourSend());
            assertEquals(1.0, sendQuota.sentLast24Hours());
        }
    }
}
