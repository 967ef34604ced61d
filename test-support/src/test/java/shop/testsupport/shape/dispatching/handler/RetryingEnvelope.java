package shop.testsupport.shape.dispatching.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The wrong shape: a second envelope around the BusEventHandler, under another name. */
public final class RetryingEnvelope implements RequestStreamHandler {

    private final BusEventHandler dispatch = new BusEventHandler();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        dispatch.handleRequest(input, output, context);
    }
}
