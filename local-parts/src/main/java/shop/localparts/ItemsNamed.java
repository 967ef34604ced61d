package shop.localparts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The items a single-item or batch call names, as {@link DynaliteWire#identity} texts, so the front can lock just
 * those; empty for a call that cannot say beforehand (Query, Scan, table calls) or that is malformed (dynalite then
 * answers it, under the lock of everything).
 */
final class ItemsNamed {

    private ItemsNamed() {
    }

    static Optional<List<String>> by(String operation, byte[] body, DynaliteWire wire) {
        try {
            JsonNode request = Answer.JSON.readTree(body);
            if (request == null || !request.isObject()) {
                return Optional.empty();
            }
            List<String> items = new ArrayList<>();
            String table = request.path("TableName").asText("");
            switch (operation) {
                case "GetItem", "UpdateItem", "DeleteItem" -> items.add(identity(table, request.get("Key"), false, wire));
                case "PutItem" -> items.add(identity(table, request.get("Item"), true, wire));
                case "BatchGetItem" -> request.path("RequestItems").properties().forEach(entry ->
                        entry.getValue().path("Keys").forEach(key -> items.add(identity(entry.getKey(), key, false, wire))));
                case "BatchWriteItem" -> request.path("RequestItems").properties().forEach(entry ->
                        entry.getValue().forEach(write -> items.add(write.has("PutRequest")
                                ? identity(entry.getKey(), write.path("PutRequest").get("Item"), true, wire)
                                : identity(entry.getKey(), write.path("DeleteRequest").get("Key"), false, wire))));
                default -> {
                    return Optional.empty();
                }
            }
            return Optional.of(items);
        } catch (IOException | RuntimeException unnamed) {
            return Optional.empty(); // not JSON, no such table, no key: dynalite says what is wrong
        }
    }

    /** A key as given, or (for an item) the key attributes read from it with the table's key schema. */
    private static String identity(String table, JsonNode keyOrItem, boolean isItem, DynaliteWire wire) {
        if (table.isEmpty() || keyOrItem == null || !keyOrItem.isObject()) {
            throw new IllegalArgumentException("no table or key");
        }
        return DynaliteWire.identity(table, isItem ? wire.keyOf(table, keyOrItem) : (ObjectNode) keyOrItem);
    }
}
