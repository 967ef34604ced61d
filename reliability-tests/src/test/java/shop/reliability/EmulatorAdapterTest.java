package shop.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import shop.platform.aws.AwsClients;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The adapter scenarios against a Docker-based AWS emulator on its edge port 4566, where a Docker engine runs
 * (skipped otherwise). The image is a property: {@code -Dreliability.emulator.image=localstack/localstack:4.4}
 * (LocalStack wants an auth token since 2026: pass it with {@code -Dreliability.emulator.token=...}); the
 * default is Floci, its open-source stand-in. Arrival is asserted as on every endpoint: events through a rule on the bus to
 * an SQS queue (AWS's own way, {@link BusArrivals}), emails through the emulator's record of sent messages
 * ({@code GET /_aws/ses}, LocalStack's documented endpoint); an emulator that offers neither fails the scenario rather
 * than passing it unchecked. Not yet run anywhere: no machine this was built on has a Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class EmulatorAdapterTest extends AdapterScenarios {

    static final String IMAGE = System.getProperty("reliability.emulator.image", "floci/floci:1.5.11");

    @Container
    static final GenericContainer<?> EMULATOR = new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withExposedPorts(4566)
            .withEnv("LOCALSTACK_AUTH_TOKEN", System.getProperty("reliability.emulator.token", ""))
            .withEnv("SERVICES", "dynamodb,events,ses,sqs")
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

    private static final String BUS = "shop-emulator-bus";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SqsClient sqs;
    private static BusArrivals arrivals;

    @AfterAll
    static void closeQueueClient() {
        if (sqs != null) {
            sqs.close();
        }
    }

    @Override
    String bus(EventBridgeClient events) {
        if (events.listEventBuses(b -> b.namePrefix(BUS)).eventBuses().isEmpty()) {
            sqs = AwsClients.build(SqsClient.builder().endpointOverride(URI.create(edge())));
            arrivals = BusArrivals.on(events, sqs, BUS);
        }
        return BUS;
    }

    @Override
    void verifySender(SesV2Client ses, String sender) {
        try {
            ses.createEmailIdentity(b -> b.emailIdentity(sender));
        } catch (AlreadyExistsException verifiedByAnEarlierTest) {
            // the identity is there: nothing to do (any other error fails the scenario)
        }
    }

    /** The subjects of the messages the emulator's SES accepted for {@code address}, from {@code GET /_aws/ses}. */
    @Override
    List<String> subjectsReceivedBy(String address) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(edge() + "/_aws/ses")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("the emulator does not tell which emails it accepted (GET /_aws/ses: HTTP " + response.statusCode() + ")");
            }
            List<String> subjects = new ArrayList<>();
            for (JsonNode message : JSON.readTree(response.body()).path("messages")) {
                for (JsonNode to : message.at("/Destination/ToAddresses")) {
                    if (to.asText().equals(address)) {
                        subjects.add(message.path("Subject").asText());
                    }
                }
            }
            return subjects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    int eventsReceived(String detailType) {
        return arrivals.count(detailType);
    }

    /** What SES does; not yet seen on an emulator here (no Docker): one that differs fails, and RELIABILITY.md gets a line. */
    @Override
    boolean refusesUnverifiedSender() {
        return true;
    }
}
