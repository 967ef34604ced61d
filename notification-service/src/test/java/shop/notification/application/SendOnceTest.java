package shop.notification.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.notification.domain.Delivery;
import shop.notification.domain.DeliveryStatus;
import shop.notification.domain.Email;
import shop.notification.domain.EmailAddress;
import shop.notification.domain.MessageKind;
import shop.notification.domain.OrderId;

/** The claim-send-settle rule on its own, with in-memory ports. */
class SendOnceTest {

    private static final OrderId ORDER = new OrderId("order-1");
    private static final Email EMAIL = new Email(new EmailAddress("ada@example.com"), "Subject", "Body");
    private static final EmailAddress ADA = new EmailAddress("ada@example.com");
    private static final Instant PLACED_AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    private final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    private final List<Email> sent = new ArrayList<>();
    private final SendOnce sendOnce = new SendOnce(deliveries, email -> {
        sent.add(email);
        return "ses-" + sent.size();
    }, CLOCK, Duration.ofSeconds(60));

    @Test
    void the_first_event_sends_and_settles_the_record() {
        assertEquals(NotificationOutcome.SENT, sendOnce.send(ORDER, MessageKind.ORDER_CONFIRMATION, "e-1", EMAIL, () -> false));

        assertEquals(List.of(EMAIL), sent);
        assertEquals(DeliveryStatus.SENT, deliveries.records.get(MessageKind.ORDER_CONFIRMATION).status());
    }

    @Test
    void a_settled_message_is_not_sent_again() {
        sendOnce.send(ORDER, MessageKind.ORDER_CONFIRMATION, "e-1", EMAIL, () -> false);

        assertEquals(NotificationOutcome.ALREADY_HANDLED, sendOnce.send(ORDER, MessageKind.ORDER_CONFIRMATION, "e-1", EMAIL, () -> false));
        assertEquals(1, sent.size());
    }

    @Test
    void a_skipped_message_is_recorded_and_never_sent() {
        assertEquals(NotificationOutcome.SKIPPED_ORDER_CANCELLED,
                sendOnce.send(ORDER, MessageKind.ORDER_CONFIRMATION, "e-1", EMAIL, () -> true));

        assertEquals(List.of(), sent);
        assertEquals(DeliveryStatus.SKIPPED, deliveries.records.get(MessageKind.ORDER_CONFIRMATION).status());
    }

    @Test
    void a_message_claimed_by_a_live_invocation_is_retried_later_not_sent_twice() {
        deliveries.busyUntil = CLOCK.instant().plusSeconds(30);

        assertThrows(DeliveryInProgressException.class,
                () -> sendOnce.send(ORDER, MessageKind.ORDER_CONFIRMATION, "e-1", EMAIL, () -> false));
        assertEquals(List.of(), sent);
    }

    @Test
    void each_kind_of_message_is_sent_once_for_the_same_order() {
        sendOnce.send(ORDER, MessageKind.ORDER_CONFIRMATION, "e-1", EMAIL, () -> false);
        sendOnce.send(ORDER, MessageKind.CANCELLATION_NOTICE, "e-2", EMAIL, () -> false);

        assertEquals(2, sent.size());
    }

    @Test
    void a_throttled_send_releases_its_claim_and_passes_the_throttle_on_so_the_redelivery_sends() {
        List<Email> attempts = new ArrayList<>();
        SendOnce throttledOnce = new SendOnce(deliveries, email -> {
            attempts.add(email);
            if (attempts.size() == 1) {
                throw new SendingThrottledException("TooManyRequestsException", 429);
            }
            return "ses-" + attempts.size();
        }, CLOCK, Duration.ofSeconds(60));

        assertThrows(SendingThrottledException.class,
                () -> throttledOnce.send(ORDER, MessageKind.ORDER_CONFIRMATION, "e-1", EMAIL, () -> false));
        assertEquals(List.of(MessageKind.ORDER_CONFIRMATION), deliveries.released);

        assertEquals(NotificationOutcome.SENT, throttledOnce.send(ORDER, MessageKind.ORDER_CONFIRMATION, "e-1", EMAIL, () -> false));
        assertEquals(2, attempts.size());
        assertEquals(DeliveryStatus.SENT, deliveries.records.get(MessageKind.ORDER_CONFIRMATION).status());
    }

    @Test
    void a_send_that_fails_otherwise_keeps_its_claim_until_the_lease_runs_out() {
        SendOnce failing = new SendOnce(deliveries, email -> {
            throw new IllegalStateException("MessageRejected");
        }, CLOCK, Duration.ofSeconds(60));

        assertThrows(IllegalStateException.class,
                () -> failing.send(ORDER, MessageKind.ORDER_CONFIRMATION, "e-1", EMAIL, () -> false));
        assertEquals(List.of(), deliveries.released);
        assertEquals(DeliveryStatus.SENDING, deliveries.records.get(MessageKind.ORDER_CONFIRMATION).status());
    }

    /** Records of one order, keyed by kind; busyUntil simulates another invocation's live claim. */
    @Test
    void a_confirmation_delivered_after_the_cancellation_is_skipped_and_the_cancellation_is_sent_once() {
        Cancellations cancellations = new InMemoryCancellations();
        OrderCancelled cancel = new OrderCancelled("e-c", ORDER, PLACED_AT, PLACED_AT.plusSeconds(60), "CHANGED_MIND", ADA);

        assertEquals(NotificationOutcome.SENT, new NotifyCancellation(sendOnce, cancellations).handle(cancel));
        assertEquals(NotificationOutcome.ALREADY_HANDLED, new NotifyCancellation(sendOnce, cancellations).handle(cancel));
        assertEquals(NotificationOutcome.SKIPPED_ORDER_CANCELLED, new NotifyConfirmation(sendOnce, cancellations).handle(confirmed()));

        assertEquals(1, sent.size(), "only the cancellation: " + sent);
        assertTrue(sent.get(0).subject().contains("cancelled"), sent.get(0).subject());
        assertEquals(DeliveryStatus.SKIPPED, deliveries.records.get(MessageKind.ORDER_CONFIRMATION).status());
    }

    @Test
    void a_confirmation_of_an_order_not_cancelled_is_sent() {
        assertEquals(NotificationOutcome.SENT, new NotifyConfirmation(sendOnce, new InMemoryCancellations()).handle(confirmed()));

        assertEquals(1, sent.size());
        assertTrue(sent.get(0).subject().contains("confirmed"), sent.get(0).subject());
    }

    private static OrderConfirmed confirmed() {
        return new OrderConfirmed("e-k", ORDER, PLACED_AT, new shop.notification.domain.Money(new java.math.BigDecimal("5.00"), "EUR"), 2, ADA);
    }

    private static final class InMemoryCancellations implements Cancellations {
        private final java.util.Set<OrderId> cancelled = new java.util.HashSet<>();

        @Override
        public void record(OrderId orderId, Instant cancelledAt, String eventId) {
            cancelled.add(orderId);
        }

        @Override
        public boolean isCancelled(OrderId orderId) {
            return cancelled.contains(orderId);
        }
    }

    private static final class InMemoryDeliveries implements Deliveries {

        final Map<MessageKind, Delivery> records = new HashMap<>();
        final List<MessageKind> released = new ArrayList<>();
        Instant busyUntil;

        @Override
        public Claim claim(OrderId orderId, MessageKind kind, String eventId, Instant now, Instant leaseUntil) {
            if (busyUntil != null) {
                return new Claim.Busy(busyUntil);
            }
            Delivery existing = records.get(kind);
            if (existing != null) {
                return new Claim.Settled(existing.status());
            }
            records.put(kind, delivery(orderId, kind, eventId, DeliveryStatus.SENDING, Optional.empty(), Optional.empty()));
            return new Claim.Granted(orderId, kind, UUID.randomUUID().toString(), leaseUntil);
        }

        @Override
        public boolean markSent(Claim.Granted claim, String providerMessageId, String subject, Instant sentAt) {
            Delivery d = records.get(claim.kind());
            records.put(claim.kind(), delivery(claim.orderId(), claim.kind(), d.eventId(), DeliveryStatus.SENT,
                    Optional.of(providerMessageId), Optional.empty()));
            return true;
        }

        @Override
        public boolean markSkipped(Claim.Granted claim, String because, Instant at) {
            Delivery d = records.get(claim.kind());
            records.put(claim.kind(), delivery(claim.orderId(), claim.kind(), d.eventId(), DeliveryStatus.SKIPPED,
                    Optional.empty(), Optional.of(because)));
            return true;
        }

        @Override
        public boolean release(Claim.Granted claim, String because, Instant at) {
            released.add(claim.kind());
            return records.remove(claim.kind()) != null;
        }

        @Override
        public Optional<Delivery> find(OrderId orderId, MessageKind kind) {
            return Optional.ofNullable(records.get(kind));
        }

        private static Delivery delivery(OrderId orderId, MessageKind kind, String eventId, DeliveryStatus status,
                                         Optional<String> messageId, Optional<String> because) {
            return new Delivery(orderId, kind, eventId, status, 1, messageId, Optional.empty(), Optional.empty(), because);
        }
    }
}
