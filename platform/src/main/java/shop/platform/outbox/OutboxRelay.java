package shop.platform.outbox;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import shop.platform.json.Json;
import shop.platform.logging.LambdaLogging;

/**
 * The scheduled relay of one producer's table, as a Lambda invocation: publishes what items still owe (events whose
 * PutEvents failed, or whose function died between its write and its publish), writes the report, and fails the run
 * while anything is still owed, so it shows in metrics and the relay's dead-letter alarm. Events younger than the
 * grace period are left to the request still publishing them: a duplicate would be harmless, but needless.
 */
public final class OutboxRelay {

    /** Items per run: a run must end before the next tick; what is left waits a minute. */
    static final int BATCH = 100;

    private final Outbox outbox;
    private final Clock clock;
    private final Duration grace;

    public OutboxRelay(Outbox outbox, Clock clock, Duration grace) {
        this.outbox = outbox;
        this.clock = clock;
        this.grace = grace;
    }

    public Outbox.RelayReport run() {
        return outbox.relay(clock.instant().minus(grace), BATCH);
    }

    /** The whole invocation: the schedule's event carries nothing the relay needs. */
    public void handle(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        Outbox.RelayReport report = LambdaLogging.withCorrelationId(context, "relay-" + UUID.randomUUID(), this::run);
        output.write(Json.bytes(report));
        if (report.eventsStillOwed() > 0) {
            throw new IllegalStateException(report.eventsStillOwed() + " event(s) could not be published; they stay in the outbox");
        }
    }
}
