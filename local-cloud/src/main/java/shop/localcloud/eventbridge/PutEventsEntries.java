package shop.localcloud.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import shop.localcloud.cloudformation.Model;
import shop.localcloud.eventbridge.EventBus.ApiException;

/**
 * What EventBridge checks of a PutEvents request and makes of its entries, as AWS does: the request's limits (1 to 10
 * entries, 256 KB as AWS counts it), each entry's validity (answered per entry, inside a 200), and the event envelope
 * an accepted entry becomes.
 */
final class PutEventsEntries {

    private static final int MAX_ENTRIES = 10;
    private static final int MAX_REQUEST_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PutEventsEntries() {
    }

    /** The request's entries; a request AWS refuses whole throws {@link ApiException}. */
    static JsonNode of(JsonNode request) {
        JsonNode entries = request.path("Entries");
        if (!entries.isArray() || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new ApiException(400, "ValidationException", "1 validation error detected: Value at 'entries' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 10 and greater than or equal to 1");
        }
        long size = 0;
        for (JsonNode entry : entries) {
            size += entrySize(entry);
        }
        if (size > MAX_REQUEST_BYTES) {
            throw new ApiException(400, "ValidationException", "Total size of the entries in the request is over the limit.");
        }
        return entries;
    }

    /** The bus an entry names (by name or ARN), {@code default} when it names none. */
    static String busName(JsonNode entry) {
        return busName(entry.path("EventBusName").asText("default"));
    }

    private static String busName(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
    }

    /** {@code ErrorCode|ErrorMessage} as AWS reports an invalid entry, or null when the entry is valid. */
    static String invalid(JsonNode entry, Set<String> buses) {
        for (String field : List.of("Source", "DetailType", "Detail")) {
            if (!entry.path(field).isTextual() || entry.path(field).asText().isEmpty()) {
                return "InvalidArgument|Parameter " + field + " is not valid. Reason: " + field + " is a required argument.";
            }
            if (!validUnicode(entry.path(field))) {
                return "InvalidArgument|Parameter " + field + " is not valid. Reason: it is not valid UTF-8 text.";
            }
        }
        if (entry.path("Source").asText().startsWith("aws.")) {
            return "NotAuthorizedForSourceException|Not authorized for the source.";
        }
        try {
            JsonNode detail = JSON.readTree(entry.path("Detail").asText());
            if (detail == null || !detail.isObject() || !validUnicode(detail)) {
                return "MalformedDetail|Detail is malformed.";
            }
        } catch (IOException e) {
            return "MalformedDetail|Detail is malformed.";
        }
        String bus = busName(entry);
        if (!buses.contains(bus)) {
            return "InvalidArgument|Event bus " + bus + " does not exist.";
        }
        return null;
    }

    /** The event an accepted entry becomes, as the rules and targets see it: EventBridge's envelope around its detail. */
    static ObjectNode envelope(JsonNode entry) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", entry.path("DetailType").asText());
        event.put("source", entry.path("Source").asText());
        event.put("account", Model.ACCOUNT);
        Instant time = entry.path("Time").isNumber()
                ? Instant.ofEpochMilli((long) (entry.path("Time").asDouble() * 1000)) : Instant.now();
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", Model.REGION);
        ArrayNode resources = event.putArray("resources");
        entry.path("Resources").forEach(resources::add);
        try {
            event.set("detail", JSON.readTree(entry.path("Detail").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("validated before", e);
        }
        return event;
    }

    /**
     * Whether every string in {@code node} (names too) is valid Unicode. A lone surrogate arrives as a JSON escape
     * ({@code \ud800}) that parses, but no UTF-8 line can hold it; this stand-in refuses it as a malformed entry, so it
     * never reaches the archive (what EventBridge answers is not verified here: no AWS account).
     */
    private static boolean validUnicode(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
        for (var field : node.properties()) {
            if (!validUnicode(JSON.getNodeFactory().textNode(field.getKey())) || !validUnicode(field.getValue())) {
                return false;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!validUnicode(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The size AWS counts for an entry: Time (14 bytes if present), Source, DetailType, Detail and Resources. */
    private static long entrySize(JsonNode entry) {
        long size = entry.has("Time") ? 14 : 0;
        for (String field : List.of("Source", "DetailType", "Detail")) {
            size += entry.path(field).asText("").getBytes(StandardCharsets.UTF_8).length;
        }
        for (JsonNode resource : entry.path("Resources")) {
            size += resource.asText().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }
}
