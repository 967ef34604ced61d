package shop.benchmarks.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The floor: a handler that reads its event and answers, with nothing else loaded. */
public final class HelloHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        int size = input.readAllBytes().length;
        output.write(("{\"hello\":\"world\",\"eventBytes\":" + size + "}").getBytes(StandardCharsets.UTF_8));
    }
}
