package shop.localcloud.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import shop.localcloud.common.UserError;

/**
 * Every event put on a bus, one JSON line each ({@code {"eventBusName": ..., "event": {...}}}) under the data
 * folder, kept across runs like an EventBridge archive, so {@code replay} can send a time range again. It survives
 * anything: an event is serialized first and appended whole in one write, or not at all; a line it cannot read (cut
 * by a crash, not UTF-8, not JSON, no time) is skipped and reported once, never stopping a list, describe or replay.
 */
public final class Archive {

    /** One archived event and the bus it was put on. */
    public record Archived(String eventBusName, ObjectNode event) {

        Instant time() {
            return Instant.parse(event.path("time").asText());
        }
    }

    /** What a read found: the events in range, and how many lines of the whole file could not be read. */
    public record Read(List<Archived> events, int skippedLines) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Set<Integer> reported = new HashSet<>();
    private volatile Consumer<String> reporter = message -> System.err.println("local-cloud: " + message);

    public Archive(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UserError("cannot create the data folder " + file.getParent() + ": " + e.getMessage() + "; pass --data <folder>");
        }
    }

    /** Where skipped lines are reported (the flow), each once. */
    public void reportTo(Consumer<String> reporter) {
        this.reporter = reporter;
    }

    Path file() {
        return file;
    }

    /** Appends the event whole, or throws having written nothing: serialized and checked before the one write. */
    synchronized void append(String eventBusName, JsonNode event) {
        ObjectNode line = JSON.createObjectNode();
        line.put("eventBusName", eventBusName);
        line.set("event", event);
        byte[] bytes;
        try {
            bytes = strictUtf8(JSON.writeValueAsString(line) + "\n");
        } catch (JsonProcessingException | CharacterCodingException e) {
            throw new IllegalArgumentException("the event cannot be archived (" + e.getMessage() + "); nothing was written", e);
        }
        try {
            boolean cutBefore = endsMidLine();
            ByteBuffer whole = ByteBuffer.allocate(bytes.length + (cutBefore ? 1 : 0));
            if (cutBefore) {
                whole.put((byte) '\n'); // a line cut by a crash stays a line of its own, skipped on read
            }
            whole.put(bytes).flip();
            try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                while (whole.hasRemaining()) {
                    channel.write(whole);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the archive " + file, e);
        }
    }

    /** The events whose {@code time} lies in [from, to], oldest first as archived. */
    public List<Archived> between(Instant from, Instant to) {
        return read(from, to).events();
    }

    /** As {@link #between}, with the count of unreadable lines skipped. */
    public synchronized Read read(Instant from, Instant to) {
        List<Archived> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Read(events, 0);
        }
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError("cannot read the archive " + file + ": " + e.getMessage());
        }
        int skipped = 0;
        int number = 0;
        for (int start = 0; start < all.length; ) {
            int end = start;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            number++;
            String problem = null;
            try {
                String text = strictUtf8Decode(all, start, end - start);
                if (!text.isBlank()) {
                    Archived archived = parse(text);
                    Instant time = archived.time();
                    if (!time.isBefore(from) && !time.isAfter(to)) {
                        events.add(archived);
                    }
                }
            } catch (CharacterCodingException e) {
                problem = "is not UTF-8";
            } catch (IOException | RuntimeException e) {
                problem = "is not an archived event (" + e.getClass().getSimpleName() + ")";
            }
            if (problem != null) {
                skipped++;
                if (reported.add(number)) {
                    reporter.accept("archive " + file.getFileName() + " line " + number + " " + problem + "; skipped");
                }
            }
            start = end + 1;
        }
        return new Read(events, skipped);
    }

    private static Archived parse(String text) throws IOException {
        JsonNode line = JSON.readTree(text);
        if (!line.path("event").isObject() || !line.path("eventBusName").isTextual()) {
            throw new IOException("no eventBusName or event");
        }
        Archived archived = new Archived(line.path("eventBusName").asText(), (ObjectNode) line.path("event"));
        archived.time(); // a line without a readable time cannot be placed in a range
        return archived;
    }

    private boolean endsMidLine() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return false;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(in.length() - 1);
            return in.read() != '\n';
        }
    }

    private static byte[] strictUtf8(String text) throws CharacterCodingException {
        ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).encode(java.nio.CharBuffer.wrap(text));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    private static String strictUtf8Decode(byte[] bytes, int offset, int length) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length)).toString();
    }
}
