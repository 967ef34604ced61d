package shop.localparts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessLogTest {

    /** Written in two parts so that this file does not match itself. */
    private static final Pattern INHERITED = Pattern.compile("inherit" + "IO\\(|Redirect\\." + "INHERIT");

    @Test
    void a_child_writes_its_output_and_errors_to_the_log_not_to_this_jvm(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("child.log");
        Process child = ChildProcessLog.redirect(new ProcessBuilder("sh", "-c", "echo out; echo err >&2; cat"), log).start();

        assertEquals(0, child.waitFor(), "cat reads no stdin, so it ends at once");
        assertEquals(List.of("out", "err"), Files.readAllLines(log));
        assertEquals("out\nerr\n", ChildProcessLog.tail(log));
    }

    @Test
    void no_code_that_tests_or_local_cloud_run_lets_a_child_inherit_this_jvms_streams() throws IOException {
        Path root = ProjectRoot.find();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files
                    .filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !root.relativize(file).startsWith("node_modules"))
                    .filter(file -> root.relativize(file).toString().contains("/src/"))
                    .filter(file -> INHERITED.matcher(read(file)).find())
                    .map(file -> root.relativize(file).toString())
                    .toList();
        }

        assertTrue(offenders.isEmpty(), "child processes must write to a log (ChildProcessLog.redirect), never to the "
                + "test JVM's streams (a Surefire fork's stdout is its channel to Maven): " + offenders);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
