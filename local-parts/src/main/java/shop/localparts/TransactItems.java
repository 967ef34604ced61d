package shop.localparts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The actions of a TransactWriteItems or TransactGetItems request, checked as DynamoDB checks them before touching any item. */
final class TransactItems {

    static final Set<String> WRITE_KINDS = Set.of("Put", "Update", "Delete", "ConditionCheck");
    static final Set<String> GET_KINDS = Set.of("Get");
    private static final int MAX_ACTIONS = 100;

    /** One action: its kind, its request body, and the item it touches. */
    record Action(String kind, ObjectNode body, String table, ObjectNode key, String identity) {
    }

    private TransactItems() {
    }

    static List<Action> read(JsonNode request, Set<String> kinds, DynaliteWire wire) {
        JsonNode items = request.path("TransactItems");
        if (!items.isArray() || items.isEmpty()) {
            throw Refusal.validation("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1");
        }
        if (items.size() > MAX_ACTIONS) {
            throw Refusal.validation("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_ACTIONS);
        }
        List<Action> actions = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        for (JsonNode item : items) {
            Action action = action(item, kinds, wire);
            if (!touched.add(action.identity())) {
                throw Refusal.validation("Transaction request cannot include multiple operations on one item");
            }
            actions.add(action);
        }
        return actions;
    }

    private static Action action(JsonNode item, Set<String> kinds, DynaliteWire wire) {
        List<String> present = new ArrayList<>();
        item.fieldNames().forEachRemaining(present::add);
        if (present.size() != 1 || !kinds.contains(present.get(0)) || !item.get(present.get(0)).isObject()) {
            throw Refusal.validation(kinds.size() == 1 ? "TransactItems can only contain Get"
                    : "TransactItems can only contain one of Check, Put, Update or Delete");
        }
        String kind = present.get(0);
        ObjectNode body = (ObjectNode) item.get(kind);
        String table = body.path("TableName").asText("");
        if (table.isEmpty()) {
            throw Refusal.validation("1 validation error detected: Value null at 'transactItems." + kind + ".tableName' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        JsonNode source = "Put".equals(kind) ? body.path("Item") : body.path("Key");
        if (!source.isObject()) {
            throw Refusal.validation("1 validation error detected: Value null at 'transactItems." + kind + "."
                    + ("Put".equals(kind) ? "item" : "key") + "' failed to satisfy constraint: Member must not be null");
        }
        if ("ConditionCheck".equals(kind) && body.path("ConditionExpression").asText("").isEmpty()) {
            throw Refusal.validation("1 validation error detected: Value null at 'transactItems.ConditionCheck.conditionExpression' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        ObjectNode key = wire.keyOf(table, source);
        return new Action(kind, body, table, key, DynaliteWire.identity(table, key));
    }
}
