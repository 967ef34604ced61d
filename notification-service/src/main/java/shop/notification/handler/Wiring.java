package shop.notification.handler;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import shop.notification.adapter.dynamodb.DynamoDbCancellations;
import shop.notification.adapter.dynamodb.DynamoDbDeliveries;
import shop.notification.adapter.ses.PacedEmails;
import shop.notification.adapter.ses.SesEmails;
import shop.notification.adapter.sqs.ThrottleBackoff;
import shop.notification.application.Cancellations;
import shop.notification.application.NotifyConfirmation;
import shop.notification.application.NotifyCancellation;
import shop.notification.application.NotifyRejection;
import shop.notification.application.NotifyShipment;
import shop.notification.application.SendOnce;
import shop.platform.aws.AwsClients;
import shop.platform.aws.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the use cases from plain constructors, once per container (static init, so SnapStart snapshots them).
 * Endpoints come from AWS_ENDPOINT_URL[_DYNAMODB|_SESV2] through the SDK itself: no local-only branch here.
 */
public final class Wiring {

    /**
     * How long a claim on a message holds before a redelivery may resend it: four times the 15 s function timeout,
     * so a live invocation is never overtaken, and shorter than the queue's 90 s visibility timeout, so the message a
     * failed invocation handed back can be claimed when it returns. A throttled send releases its claim at once.
     */
    public static final Duration SEND_LEASE = Duration.ofSeconds(60);

    /** The clients and what is built on them, created once at init (static, so SnapStart snapshots them). */
    private static final class Clients {
        static final DynamoDbClient DYNAMO = AwsClients.build(DynamoDbClient.builder());
        static final SesV2Client SES = AwsClients.build(SesV2Client.builder());
        static final String TABLE = Environment.required("TABLE_NAME");
        static final String SENDER = Environment.required("SENDER_EMAIL");
        static final Cancellations CANCELLATIONS = new DynamoDbCancellations(DYNAMO, TABLE);
        static final PacedEmails EMAILS = PacedEmails.sharing(new SesEmails(SES, SENDER),
                sendRate(), sendingInstances());
        // SecureRandom: Lambda reseeds it when a SnapStart snapshot is restored, so restored instances jitter apart
        static final ThrottleBackoff BACKOFF = new ThrottleBackoff(AwsClients.build(SqsClient.builder()),
                Environment.required("QUEUE_URL"), new SecureRandom()::nextDouble,
                Duration.ofSeconds(Long.parseLong(Environment.optional("THROTTLE_BACKOFF_FIRST_SECONDS", "90"))));
        static final SendOnce SEND_ONCE = new SendOnce(new DynamoDbDeliveries(DYNAMO, TABLE), EMAILS, Clock.systemUTC(), SEND_LEASE);
    }

    private Wiring() {
    }

    /** The SES account's maximum send rate, emails a second (the template's SesMaxSendRate). */
    private static double sendRate() {
        String value = Environment.required("SES_MAX_SEND_RATE");
        try {
            double rate = Double.parseDouble(value);
            if (rate > 0 && !Double.isInfinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the variable
        }
        throw new IllegalStateException("environment variable SES_MAX_SEND_RATE is not a number above 0: " + value);
    }

    /** How many instances share that rate: the queue event source's MaximumConcurrency. */
    private static int sendingInstances() {
        String value = Environment.required("SES_SENDING_INSTANCES");
        try {
            int instances = Integer.parseInt(value);
            if (instances > 0) {
                return instances;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the variable
        }
        throw new IllegalStateException("environment variable SES_SENDING_INSTANCES is not a whole number above 0: " + value);
    }

    /** The instance's paced sender, shared by every use case (its bucket is the instance's share of SES's rate). */
    static PacedEmails emails() {
        return Clients.EMAILS;
    }

    /** Keeps the messages SES throttled out of sight longer each time (ChangeMessageVisibility on the queue). */
    static ThrottleBackoff throttleBackoff() {
        return Clients.BACKOFF;
    }

    /** SnapStart priming: a read of a key no item has, so the client's whole path runs and nothing changes. */
    static void primeClients() {
        AwsClients.primeTable(Clients.DYNAMO, Clients.TABLE, "pk", "sk");
    }

    static NotifyConfirmation notifyConfirmation() {
        return new NotifyConfirmation(Clients.SEND_ONCE, Clients.CANCELLATIONS);
    }

    static NotifyRejection notifyRejection() {
        return new NotifyRejection(Clients.SEND_ONCE);
    }

    static NotifyCancellation notifyCancellation() {
        return new NotifyCancellation(Clients.SEND_ONCE, Clients.CANCELLATIONS);
    }

    static NotifyShipment notifyShipment() {
        return new NotifyShipment(Clients.SEND_ONCE, Clients.CANCELLATIONS);
    }

    /** The message sender over the given clients, table and sender identity (tests pass local clients and a clock). */
    public static SendOnce sendOnce(DynamoDbClient dynamo, SesV2Client ses, String table, String sender, Clock clock) {
        return new SendOnce(new DynamoDbDeliveries(dynamo, table), new SesEmails(ses, sender), clock, SEND_LEASE);
    }

    /** The handler over the given clients (tests): same wiring as Lambda's, other endpoints and clock. */
    public static BusEventHandler handler(DynamoDbClient dynamo, SesV2Client ses, String table, String sender, Clock clock) {
        return handler(new DynamoDbCancellations(dynamo, table), sendOnce(dynamo, ses, table, sender, clock));
    }

    /**
     * The queue handler over the given clients (tests): same wiring as Lambda's, paced to {@code sendRate} emails a
     * second shared by {@code instances}, backing throttled messages off in {@code queueUrl}, with other endpoints and clock.
     */
    public static QueueEventHandler queueHandler(DynamoDbClient dynamo, SesV2Client ses, SqsClient sqs, String queueUrl,
                                                 String table, String sender, Clock clock, double sendRate, int instances) {
        PacedEmails emails = PacedEmails.sharing(new SesEmails(ses, sender), sendRate, instances);
        SendOnce sendOnce = new SendOnce(new DynamoDbDeliveries(dynamo, table), emails, clock, SEND_LEASE);
        return new QueueEventHandler(handler(new DynamoDbCancellations(dynamo, table), sendOnce), emails,
                new ThrottleBackoff(sqs, queueUrl, () -> ThreadLocalRandom.current().nextDouble()));
    }

    /** The handler over a given message sender (tests that make sending fail part-way). */
    public static BusEventHandler handler(Cancellations cancellations, SendOnce sendOnce) {
        return new BusEventHandler(new NotifyConfirmation(sendOnce, cancellations), new NotifyRejection(sendOnce),
                new NotifyCancellation(sendOnce, cancellations), new NotifyShipment(sendOnce, cancellations));
    }
}
