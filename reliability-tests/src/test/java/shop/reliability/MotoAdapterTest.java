package shop.reliability;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import shop.platform.aws.AwsClients;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The adapter scenarios against moto_server: an emulator of AWS written apart from dynalite and the project's
 * stand-ins, started by this class on a free loopback port and stopped after it, no Docker needed. Arrival is
 * checked through AWS itself where AWS offers a way (a rule on the bus delivers to an SQS queue this test reads)
 * and through moto's state dump for SES, which keeps what it accepted. It runs whether a Docker engine runs or not:
 * it is cheap, and a second opinion where {@link EmulatorAdapterTest} runs too.
 */
class MotoAdapterTest extends AdapterScenarios {

    private static final String BUS = "shop-moto-bus";

    static MotoServer moto;
    static SqsClient sqs;
    static BusArrivals arrivals;

    @BeforeAll
    static void start() {
        assumeTrue(MotoServer.installed(), "moto_server is not on the PATH: pip install 'moto[server]' (moto 5.2.1 is the version "
                + "these tests were written against); .ci/run requires it, so CI never skips this");
        moto = MotoServer.start(Path.of(System.getProperty("reliability.runs", "target/reliability-runs"), "moto"));
        sqs = AwsClients.build(SqsClient.builder().endpointOverride(URI.create(moto.endpoint())));
    }

    @AfterAll
    static void stop() {
        if (sqs != null) {
            sqs.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Override
    String dynamoDbEndpoint() {
        return moto.endpoint();
    }

    @Override
    String eventBridgeEndpoint() {
        return moto.endpoint();
    }

    @Override
    String sesEndpoint() {
        return moto.endpoint();
    }

    /** The bus, with a rule that sends every shop.orders event to a queue: what arrived is then read from the queue. */
    @Override
    String bus(EventBridgeClient events) {
        if (events.listEventBuses(b -> b.namePrefix(BUS)).eventBuses().isEmpty()) {
            arrivals = BusArrivals.on(events, sqs, BUS);
        }
        return BUS;
    }

    /** moto, as SES in its sandbox, refuses a sender that is not a verified identity ("Email address not verified"). */
    @Override
    void verifySender(SesV2Client ses, String sender) {
        try {
            ses.createEmailIdentity(b -> b.emailIdentity(sender));
        } catch (AlreadyExistsException verifiedByAnEarlierTest) {
            // the identity is there: nothing to do
        }
    }

    @Override
    List<String> subjectsReceivedBy(String address) {
        return moto.sentSubjectsTo(address);
    }

    @Override
    int eventsReceived(String detailType) {
        return arrivals.count(detailType);
    }

    @Override
    boolean refusesUnverifiedSender() {
        return true;
    }
}
