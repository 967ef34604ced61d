package shop.localcloud.lambda;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The log of one invocation as {@code LogType: Tail} returns it (base64, the last 4 KB): Lambda's START (written
 * when the execution environment takes the invocation), END and REPORT lines around what the function printed.
 */
final class LogTail {

    static final int MAX_BYTES = 4096;
    private static final long GRACE_MILLIS = 100;

    private final List<String> lines = new ArrayList<>();

    synchronized void add(String line) {
        lines.add(line);
    }

    /** Waits a moment for output that trails the response (another pipe), then encodes the last 4 KB. */
    String base64(InvocationResult result, int memoryMb) {
        try {
            Thread.sleep(GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StringBuilder log = new StringBuilder();
        String requestId = "";
        synchronized (this) {
            for (String line : lines) {
                if (line.startsWith("START RequestId: ")) {
                    requestId = line.substring("START RequestId: ".length()).split(" ")[0];
                }
                log.append(line).append('\n');
            }
        }
        log.append("END RequestId: ").append(requestId).append('\n');
        log.append("REPORT RequestId: ").append(requestId).append("\tDuration: ").append(result.durationMillis())
                .append(" ms\tMemory Size: ").append(memoryMb).append(" MB\n");
        byte[] bytes = log.toString().getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, bytes.length - MAX_BYTES);
        byte[] tail = new byte[bytes.length - from];
        System.arraycopy(bytes, from, tail, 0, tail.length);
        return Base64.getEncoder().encodeToString(tail);
    }
}
