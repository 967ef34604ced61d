package shop.order.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import shop.platform.outbox.OutboxRelay;
import shop.platform.priming.Priming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Runs the platform's outbox relay over the orders table on its schedule: publishes what orders still owe the bus. */
public final class OutboxRelayHandler implements RequestStreamHandler {

    private final OutboxRelay relay;

    public OutboxRelayHandler() {
        this(Wiring.Clients.CONFIG, Wiring.Clients.DYNAMO, Wiring.Clients.EVENTS, Clock.systemUTC());
        // the relay's own run publishes what is owed, so priming takes only its clients' paths, never a run
        Priming.register("order outbox relay", Wiring::primeClients);
    }

    public OutboxRelayHandler(Wiring.Config config, DynamoDbClient dynamo, EventBridgeClient events, Clock clock) {
        this.relay = Wiring.outboxRelay(config, dynamo, events, clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        relay.handle(input, output, context);
    }
}
