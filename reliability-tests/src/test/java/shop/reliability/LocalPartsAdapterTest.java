package shop.reliability;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.testsupport.CapturingEventBridge;
import shop.localparts.SesV2Local;
import shop.testsupport.LocalDynamoDb;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The adapter scenarios against the local parts this machine has: dynalite, the capturing EventBridge, aws-ses-v2-local. */
class LocalPartsAdapterTest extends AdapterScenarios {

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    static CapturingEventBridge eventBridge;
    static SesV2Local ses;

    @BeforeAll
    static void start() {
        eventBridge = CapturingEventBridge.start();
        ses = SesV2Local.start();
    }

    @AfterAll
    static void stop() {
        ses.close();
        eventBridge.close();
    }

    @Override
    String dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    @Override
    String eventBridgeEndpoint() {
        return eventBridge.endpoint();
    }

    @Override
    String sesEndpoint() {
        return ses.endpoint();
    }

    @Override
    String bus(EventBridgeClient events) {
        return "shop-test-bus";
    }

    @Override
    List<String> subjectsReceivedBy(String address) {
        return ses.emailsTo(address).stream().map(SesV2Local.ReceivedEmail::subject).toList();
    }

    @Override
    int eventsReceived(String detailType) {
        return (int) eventBridge.events().stream().filter(e -> e.detailType().equals(detailType)).count();
    }

    /** aws-ses-v2-local sends from any address: unlike SES, it does not know identities (RELIABILITY.md). */
    @Override
    boolean refusesUnverifiedSender() {
        return false;
    }
}
