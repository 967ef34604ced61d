package shop.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every line written to stdout while attached: where Lambda takes a function's logs (and EMF metrics) from, so
 * tests read them here. Closing puts the original stdout back and passes the captured lines on to it.
 */
public final class CapturedStdout implements AutoCloseable {

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private CapturedStdout() {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    public static CapturedStdout attach() {
        return new CapturedStdout();
    }

    public List<String> lines() {
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
