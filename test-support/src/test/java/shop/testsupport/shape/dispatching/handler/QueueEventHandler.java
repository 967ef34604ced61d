package shop.testsupport.shape.dispatching.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import shop.testsupport.shape.dispatching.application.NotifySomeone;

/** The wrong shape: a second dispatch, calling the use case itself instead of handing the body on. */
public final class QueueEventHandler implements RequestStreamHandler {

    private final BusEventHandler dispatch = new BusEventHandler();
    private final NotifySomeone notifySomeone = new NotifySomeone();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String body = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        if (body.isEmpty()) {
            dispatch.handleRequest(input, output, context);
        } else {
            output.write(notifySomeone.handle(body).getBytes(StandardCharsets.UTF_8));
        }
    }
}
