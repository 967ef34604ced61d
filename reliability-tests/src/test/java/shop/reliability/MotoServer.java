package shop.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import shop.localparts.FreePort;

/**
 * moto's {@code moto_server} (the Python mock of AWS that LocalStack grew out of) as a child process on a free
 * loopback port: a second emulator, besides dynalite and the project's stand-ins, that needs no Docker. Its output
 * goes to a log file, never to the test's console. Installed with {@code pip install 'moto[server]'}.
 */
final class MotoServer implements AutoCloseable {

    static final String COMMAND = "moto_server";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Whether {@code moto_server} is an executable on the PATH. */
    static boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, COMMAND))) {
                return true;
            }
        }
        return false;
    }

    static MotoServer start(Path logDir) {
        int port = FreePort.find();
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve("moto_server-" + port + ".log");
            Process process = new ProcessBuilder(COMMAND, "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            MotoServer server = new MotoServer(process, port, log);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + COMMAND + " (pip install 'moto[server]')", e);
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(COMMAND + " exited with code " + process.exitValue() + "; its output ("
                        + log + "): " + tail());
            }
            if (FreePort.isListening(port)) {
                return;
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException(COMMAND + " did not listen on port " + port + " within 60 s; its output: " + tail());
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    /**
     * Subjects of the emails SES (v1 or v2) accepted for a recipient, from moto's own state dump
     * ({@code /moto-api/data.json}, section {@code ses.Message}): moto sends nothing, it keeps what it was given.
     */
    List<String> sentSubjectsTo(String address) {
        JsonNode messages = state().path("ses").path("Message");
        List<String> subjects = new java.util.ArrayList<>();
        for (JsonNode message : messages) {
            for (JsonNode to : message.path("destinations").path("ToAddresses")) {
                if (to.asText().equals(address)) {
                    subjects.add(message.path("subject").asText());
                }
            }
        }
        return subjects;
    }

    private JsonNode state() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint() + "/moto-api/data.json"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto's /moto-api/data.json answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read moto's state", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading moto's state", e);
        }
    }

    private String tail() {
        try {
            String text = Files.readString(log);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + COMMAND, e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
