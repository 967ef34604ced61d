package shop.localparts;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a child process's output goes: a log file, never the starting JVM's own streams (a Surefire fork's stdout
 * is its channel to Maven; stray bytes there fail the build). The log's tail goes into the error when the child fails.
 */
public final class ChildProcessLog {

    private ChildProcessLog() {
    }

    /** Sends {@code builder}'s stdout and stderr to {@code log} and gives it no stdin. */
    public static ProcessBuilder redirect(ProcessBuilder builder, Path log) {
        File nothing = new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nothing));
    }

    /** The last 2,000 characters of {@code log}, to show in an error. */
    public static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
