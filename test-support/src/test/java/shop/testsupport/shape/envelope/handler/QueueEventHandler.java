package shop.testsupport.shape.envelope.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The right shape: the SQS envelope hands each body to the BusEventHandler (one body here, for brevity). */
public final class QueueEventHandler implements RequestStreamHandler {

    private final BusEventHandler dispatch = new BusEventHandler();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        dispatch.handleRequest(input, output, context);
    }
}
