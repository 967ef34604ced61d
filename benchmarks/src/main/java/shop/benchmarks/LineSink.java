package shop.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Splits what local-cloud prints into lines, each handed to {@code lines} as it ends. */
final class LineSink extends OutputStream {

    private final Consumer<String> lines;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    LineSink(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            lines.accept(buffer.toString(StandardCharsets.UTF_8));
            buffer.reset();
        } else {
            buffer.write(b);
        }
    }
}
