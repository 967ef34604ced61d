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
import shop.localparts.FreePort;
import shop.localparts.Moto;

/**
 * moto (the Python mock of AWS that LocalStack grew out of) as a child process on a free loopback port: a second
 * emulator, besides the local DynamoDB and the project's stand-ins, that needs no Docker. Started single-threaded
 * ({@link Moto}): {@code moto_server}'s threads made its DynamoDB transactions non-atomic. Its output goes to a log
 * file, never to the test's console. Installed with {@code pip install 'moto[server]'}.
 */
final class MotoServer implements AutoCloseable {

    static final String COMMAND = "moto_server";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Moto moto;

    private MotoServer(Moto moto) {
        this.moto = moto;
    }

    /** Whether moto is installed: {@code moto_server} on the PATH (what .ci/run checks) and importable by python3. */
    static boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, COMMAND))) {
                return Moto.importable();
            }
        }
        return false;
    }

    static MotoServer start(Path logDir) {
        return new MotoServer(Moto.start(logDir.resolve("moto-" + FreePort.find() + ".log")));
    }

    String endpoint() {
        return moto.endpoint();
    }

    Path log() {
        return moto.log();
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

    @Override
    public void close() {
        moto.close();
    }
}
