package shop.localparts;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the pinned Node.js stand-ins (package-lock.json) are installed before one is started: a fresh
 * clone needs no manual {@code npm ci}. A file lock keeps parallel test JVMs from installing twice. npm's output
 * goes to {@code target/npm-ci.log} and into the exception when it fails, never into this JVM's own streams: a
 * Surefire fork reads its stdout as its channel to Maven, and stray bytes there fail the build ("std/in stream corrupted").
 */
public final class NodeModules {

    private NodeModules() {
    }

    /** The path of an installed package's file, running {@code npm ci} first if the package is missing. */
    @SuppressWarnings("try") // the FileLock is held, never read: it keeps two builds from running npm ci at once
    public static Path resolve(String packageName, String file) {
        Path root = ProjectRoot.find();
        Path target = root.resolve("node_modules").resolve(packageName).resolve(file);
        if (Files.isRegularFile(target)) {
            return target;
        }
        requireNode();
        try (FileChannel channel = FileChannel.open(root.resolve("target-npm.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (!Files.isRegularFile(target)) {
                run(root, List.of("npm", "ci", "--no-audit", "--no-fund"), 300, installLog(root));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not install the Node.js packages in " + root + ": " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(target)) {
            throw new IllegalStateException("npm ci finished but " + target + " is missing; check package.json");
        }
        return target;
    }

    public static void requireNode() {
        try {
            Path log = Files.createTempFile("shop-node-version-", ".log");
            try {
                run(Path.of("."), List.of("node", "--version"), 20, log);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IllegalStateException | IOException e) {
            throw new IllegalStateException("Node.js is required (node 20 or newer on the PATH) to run the local "
                    + "stand-ins for DynamoDB and SES; install it, e.g. `apt-get install nodejs npm`");
        }
    }

    /** Where {@code npm ci}'s output goes: the project's {@code target/}, as a Maven build's other logs. */
    private static Path installLog(Path root) throws IOException {
        return Files.createDirectories(root.resolve("target")).resolve("npm-ci.log");
    }

    private static void run(Path dir, List<String> command, int timeoutSeconds, Path log) throws IOException {
        Process process = ChildProcessLog.redirect(new ProcessBuilder(command).directory(dir.toFile()), log).start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds
                        + " s; its output (" + log + "): " + ChildProcessLog.tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + process.exitValue()
                    + "; its output (" + log + "): " + ChildProcessLog.tail(log));
        }
    }
}
