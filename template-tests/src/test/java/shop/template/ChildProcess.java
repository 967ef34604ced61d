package shop.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of a command-line tool (cfn-lint, python3) with its stdout and stderr in files, never on the test's own
 * console: the tests read the files and put them in their assertion messages.
 */
record ChildProcess(List<String> command, int exitCode, String stdout, String stderr, Path stdoutFile) {

    ChildProcess {
        command = List.copyOf(command);
    }

    /** Runs {@code command} in {@code workDir}; its output goes to {@code <logs>/<name>.out} and {@code .err}. */
    static ChildProcess run(List<String> command, Path workDir, Path logs, String name, Duration timeout) {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(logs);
            Path out = logs.resolve(name + ".out");
            Path err = logs.resolve(name + ".err");
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                        + "; its output: " + out + ", " + err);
            }
            return new ChildProcess(command, process.exitValue(), Files.readString(out), Files.readString(err), out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    /** Whether the command can be started and exits with 0 (used to tell an installed tool from a missing one). */
    static boolean succeeds(List<String> command, Path workDir, Path logs, String name) {
        try {
            return run(command, workDir, logs, name, Duration.ofSeconds(60)).exitCode() == 0;
        } catch (UncheckedIOException notInstalled) {
            return false;
        }
    }

    /** What the tool said, for an assertion message. */
    String report() {
        return String.join(" ", command) + " exited with " + exitCode + "\n--- stdout (" + stdoutFile + ")\n" + clip(stdout)
                + "\n--- stderr\n" + clip(stderr);
    }

    private static String clip(String text) {
        return text.length() > 20_000 ? text.substring(0, 20_000) + "\n[... clipped, see the file]" : text;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
