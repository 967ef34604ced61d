package shop.order.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.UUID;
import shop.order.application.RelayOutbox;
import shop.platform.json.Json;
import shop.platform.logging.LambdaLogging;
import shop.platform.priming.Priming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Runs the outbox relay on its schedule: publishes what orders still owe the bus, and reports what it did. */
public final class OutboxRelayHandler implements RequestStreamHandler {

    private final RelayOutbox relay;

    public OutboxRelayHandler() {
        this(Wiring.Config.fromEnvironment(), Wiring.dynamo(), Wiring.eventBridge(), Clock.systemUTC(), true);
    }

    private OutboxRelayHandler(Wiring.Config config, DynamoDbClient dynamo, EventBridgeClient events, Clock clock, boolean primed) {
        this(config, dynamo, events, clock);
        // the relay's own run publishes what is owed, so priming takes only its clients' paths, never relay()
        Priming.register("outbox relay", () -> {
            OrderPriming.readNothing(dynamo, config.ordersTable());
            OrderPriming.publishNothing(events);
        });
    }

    public OutboxRelayHandler(Wiring.Config config, DynamoDbClient dynamo, EventBridgeClient events, Clock clock) {
        this.relay = Wiring.relayOutbox(config, dynamo, events, clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes(); // the schedule's event carries nothing the relay needs
        RelayOutbox.Report report = LambdaLogging.withCorrelationId(context, "relay-" + UUID.randomUUID(), relay::relay);
        output.write(Json.bytes(report));
        if (report.eventsStillOwed() > 0) {
            // fail the run so the error shows in metrics and alarms; the events stay in the outbox for the next run
            throw new IllegalStateException(report.eventsStillOwed() + " event(s) could not be published; they stay in the outbox");
        }
    }
}
