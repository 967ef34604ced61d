package shop.localcloud.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import shop.localcloud.UserError;

/**
 * Every event put on a bus, one JSON line each ({@code {"eventBusName": ..., "event": {...}}}) under the data
 * folder, kept across runs like an EventBridge archive, so {@code replay} can send a time range again.
 */
public final class Archive {

    /** One archived event and the bus it was put on. */
    public record Archived(String eventBusName, ObjectNode event) {

        Instant time() {
            return Instant.parse(event.path("time").asText());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public Archive(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UserError("cannot create the data folder " + file.getParent() + ": " + e.getMessage() + "; pass --data <folder>");
        }
    }

    Path file() {
        return file;
    }

    synchronized void append(String eventBusName, JsonNode event) {
        ObjectNode line = JSON.createObjectNode();
        line.put("eventBusName", eventBusName);
        line.set("event", event);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            out.write(JSON.writeValueAsString(line));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the archive " + file, e);
        }
    }

    /** The events whose {@code time} lies in [from, to], oldest first as archived. */
    public synchronized List<Archived> between(Instant from, Instant to) {
        List<Archived> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = JSON.readTree(text);
                Archived archived = new Archived(line.path("eventBusName").asText(), (ObjectNode) line.path("event"));
                Instant time = archived.time();
                if (!time.isBefore(from) && !time.isAfter(to)) {
                    events.add(archived);
                }
            }
        } catch (IOException e) {
            throw new UserError("cannot read the archive " + file + ": " + e.getMessage());
        }
        return events;
    }
}
