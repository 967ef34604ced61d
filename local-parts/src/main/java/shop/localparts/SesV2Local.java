package shop.localparts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Amazon SES v2 wire protocol on loopback, from the npm package aws-ses-v2-local 2.10.2 (pinned in
 * package-lock.json). It accepts {@code SendEmail} from the real SDK (any signature, fake credentials) and keeps
 * every message in memory, served back over {@code GET /store}: tests and local-cloud assert or show the emails
 * a function actually sent, with no fake in the function's code. The one place that knows how to start it.
 */
public final class SesV2Local extends NodeServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One message as the server received it: envelope, subject and bodies (text and/or HTML, null when absent). */
    public record ReceivedEmail(String messageId, String from, List<String> to, List<String> cc, List<String> bcc,
                                String subject, String text, String html, long receivedAtEpochSecond) {

        public ReceivedEmail {
            to = List.copyOf(to);
            cc = List.copyOf(cc);
            bcc = List.copyOf(bcc);
        }
    }

    private SesV2Local(Path script, int port) {
        super("aws-ses-v2-local", script, List.of("--host", "127.0.0.1", "--port", Integer.toString(port)), port, Map.of());
    }

    public static SesV2Local start() {
        return new SesV2Local(NodeModules.resolve("aws-ses-v2-local", "dist/cli.js"), FreePort.find());
    }

    /** Every email received since start (or the last {@link #clear()}), oldest first. */
    public List<ReceivedEmail> emails() {
        JsonNode store;
        try {
            store = JSON.readTree(request(HttpRequest.newBuilder(uri("/store")).GET()));
        } catch (IOException e) {
            throw new IllegalStateException("aws-ses-v2-local's store is not JSON: " + e.getMessage(), e);
        }
        List<ReceivedEmail> emails = new ArrayList<>();
        for (JsonNode email : store.path("emails")) {
            JsonNode destination = email.path("destination");
            JsonNode body = email.path("body");
            emails.add(new ReceivedEmail(email.path("messageId").asText(), email.path("from").asText(),
                    strings(destination.path("to")), strings(destination.path("cc")), strings(destination.path("bcc")),
                    email.path("subject").asText(), textOrNull(body.path("text")), textOrNull(body.path("html")),
                    email.path("at").asLong()));
        }
        return emails;
    }

    /** The emails received for one recipient (To, Cc or Bcc), oldest first. */
    public List<ReceivedEmail> emailsTo(String address) {
        return emails().stream()
                .filter(e -> e.to().contains(address) || e.cc().contains(address) || e.bcc().contains(address))
                .toList();
    }

    /** Forgets every email (and template) received so far. */
    public void clear() {
        request(HttpRequest.newBuilder(uri("/clear-store")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private URI uri(String path) {
        return URI.create(endpoint() + path);
    }

    private static String request(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("aws-ses-v2-local answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("could not reach aws-ses-v2-local: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading aws-ses-v2-local's store", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String textOrNull(JsonNode value) {
        return value.isTextual() ? value.asText() : null;
    }
}
