package shop.packaging.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import shop.platform.outbox.OutboxRelay;
import shop.platform.priming.Priming;

/** Runs the platform's outbox relay over the package table on its schedule: publishes the ParcelShipped still owed. */
public final class OutboxRelayHandler implements RequestStreamHandler {

    private final OutboxRelay relay;

    /** Used by Lambda: clients are built once, at init; priming takes the clients' paths, never a relay run. */
    public OutboxRelayHandler() {
        this(Wiring.outboxRelay());
        Priming.register("package outbox relay", Wiring::primePublishingClients);
    }

    public OutboxRelayHandler(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        relay.handle(input, output, context);
    }
}
