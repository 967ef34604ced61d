package shop.localparts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Node.js stand-in for an AWS service, run as a child process on a free loopback port and stopped with
 * the JVM that started it (also when that JVM is killed by a test run's end).
 */
public class NodeServer implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    protected NodeServer(String name, Path script, List<String> args, int port, java.util.Map<String, String> env) {
        this.name = name;
        this.port = port;
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(args);
        try {
            this.log = Files.createTempFile("shop-" + name + "-", ".log");
            ProcessBuilder builder = ChildProcessLog.redirect(new ProcessBuilder(command), log);
            builder.environment().putAll(env);
            this.process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " (" + String.join(" ", command) + ")", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        awaitListening();
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " before listening on port "
                        + port + "; its output: " + tail());
            }
            if (FreePort.isListening(port)) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not listen on port " + port + " within 30 s; its output: " + tail());
    }

    private String tail() {
        return ChildProcessLog.tail(log);
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
