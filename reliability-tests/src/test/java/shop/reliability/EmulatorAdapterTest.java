package shop.reliability;

import java.util.List;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The adapter scenarios against a Docker-based AWS emulator on its edge port 4566, where a Docker engine runs
 * (skipped otherwise). The image is a property: {@code -Dreliability.emulator.image=localstack/localstack:4.4}
 * (LocalStack wants an auth token since 2026: pass it with {@code -Dreliability.emulator.token=...}); the
 * default is Floci, its open-source stand-in. Arrival checks need emulator-specific APIs, so here the scenarios
 * assert what the AWS API answers (accepted writes, published entries, a message id).
 */
@Testcontainers(disabledWithoutDocker = true)
class EmulatorAdapterTest extends AdapterScenarios {

    static final String IMAGE = System.getProperty("reliability.emulator.image", "floci/floci:1.5.11");

    @Container
    static final GenericContainer<?> EMULATOR = new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withExposedPorts(4566)
            .withEnv("LOCALSTACK_AUTH_TOKEN", System.getProperty("reliability.emulator.token", ""))
            .withEnv("SERVICES", "dynamodb,events,ses")
            .waitingFor(Wait.forListeningPort());

    private static String edge() {
        return "http://" + EMULATOR.getHost() + ":" + EMULATOR.getMappedPort(4566);
    }

    @Override
    String dynamoDbEndpoint() {
        return edge();
    }

    @Override
    String eventBridgeEndpoint() {
        return edge();
    }

    @Override
    String sesEndpoint() {
        return edge();
    }

    @Override
    String bus(EventBridgeClient events) {
        String name = "shop-emulator-bus";
        if (events.listEventBuses(b -> b.namePrefix(name)).eventBuses().isEmpty()) {
            events.createEventBus(b -> b.name(name));
        }
        return name;
    }

    @Override
    void verifySender(SesV2Client ses, String sender) {
        try {
            ses.createEmailIdentity(b -> b.emailIdentity(sender));
        } catch (RuntimeException alreadyThere) {
            // verified by an earlier test of this class
        }
    }

    @Override
    Optional<List<String>> subjectsReceivedBy(String address) {
        return Optional.empty();
    }

    @Override
    Optional<Integer> eventsReceived(String detailType) {
        return Optional.empty();
    }

    /** Not yet seen: this class has not run where Docker runs. */
    @Override
    Optional<Boolean> refusesUnverifiedSender() {
        return Optional.empty();
    }
}
