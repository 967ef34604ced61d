package shop.platform.outbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Arrays;
import shop.platform.aws.AwsClients;
import shop.platform.aws.Environment;
import shop.platform.priming.Priming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The scheduled outbox relay of every producing context, as its Lambda function: one handler, since relaying is the
 * same for every table. The function's environment names the table ({@code OUTBOX_TABLE}), its key
 * ({@code OUTBOX_TABLE_KEY}: the hash key, then the range key if any, comma-separated) and the {@link PublishSettings}.
 */
public final class OutboxRelayHandler implements RequestStreamHandler {

    private final OutboxRelay relay;

    /** Used by Lambda: clients are built once, at init; priming takes the clients' paths, never a relay run. */
    public OutboxRelayHandler() {
        this(Clients.RELAY);
        // the relay's own run publishes what is owed, so priming takes only its clients' paths
        Priming.register("outbox relay", () -> {
            AwsClients.primeTable(Clients.DYNAMO, Clients.TABLE, Clients.KEY);
            AwsClients.primeBus(Clients.EVENTS);
        });
    }

    public OutboxRelayHandler(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        relay.handle(input, output, context);
    }

    /** {@code "pk, sk"} as the key attributes {@code [pk, sk]}; at least one. */
    static String[] keyAttributes(String key) {
        String[] attributes = Arrays.stream(key.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .toArray(String[]::new);
        if (attributes.length == 0 || attributes.length > 2) {
            throw new IllegalStateException("OUTBOX_TABLE_KEY names the table's hash key, then its range key if any: " + key);
        }
        return attributes;
    }

    /** The clients and the relay of this function instance, built once, on first use (Lambda's init phase). */
    private static final class Clients {
        static final DynamoDbClient DYNAMO = AwsClients.build(DynamoDbClient.builder());
        static final EventBridgeClient EVENTS = AwsClients.build(EventBridgeClient.builder());
        static final String TABLE = Environment.required("OUTBOX_TABLE");
        static final String[] KEY = keyAttributes(Environment.required("OUTBOX_TABLE_KEY"));
        static final PublishSettings SETTINGS = PublishSettings.fromEnvironment();
        static final OutboxRelay RELAY = SETTINGS.relay(SETTINGS.outbox(DYNAMO, EVENTS, TABLE, KEY), Clock.systemUTC());

        private Clients() {
        }
    }
}
