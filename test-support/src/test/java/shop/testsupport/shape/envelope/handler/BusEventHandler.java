package shop.testsupport.shape.envelope.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import shop.testsupport.shape.envelope.application.NotifySomeone;

/** The fixture context's one dispatch. */
public final class BusEventHandler implements RequestStreamHandler {

    private final NotifySomeone notifySomeone = new NotifySomeone();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(notifySomeone.handle(new String(input.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }
}
