package shop.order.handler;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Every line the functions write to stdout (where Lambda takes their logs from) while attached, for tests to read. */
final class CapturedLogs implements AutoCloseable {

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private CapturedLogs() {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    static CapturedLogs attach() {
        return new CapturedLogs();
    }

    List<String> lines() {
        synchronized (System.out) {
            return captured.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Override
    public void close() {
        System.setOut(original);
        original.print(captured.toString(StandardCharsets.UTF_8));
    }
}
