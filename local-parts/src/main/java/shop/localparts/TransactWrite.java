package shop.localparts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import shop.localparts.TransactItems.Action;

/**
 * TransactWriteItems on top of dynalite's single-item calls: the caller holds the front's exclusive lock, so no other
 * request sees an item between the first action and the rollback. Each action is dynalite's own conditional write,
 * so dynalite, not this class, evaluates every condition expression.
 */
final class TransactWrite {

    private static final JsonNode SUCCESS = Answer.JSON.createObjectNode();

    private final DynaliteWire wire;
    private final ClientTokens tokens = new ClientTokens(Duration.ofMinutes(10));
    private final AtomicInteger conflictsToInject = new AtomicInteger();
    private volatile double conflictFraction;

    TransactWrite(DynaliteWire wire) {
        this.wire = wire;
    }

    void failNextWithConflict(int transactions) {
        conflictsToInject.set(transactions);
    }

    void failWithConflict(double fraction) {
        conflictFraction = fraction;
    }

    Answer apply(JsonNode request) {
        List<Action> actions = TransactItems.read(request, TransactItems.WRITE_KINDS, wire);
        String token = request.path("ClientRequestToken").asText("");
        String digest = token.isEmpty() ? "" : ClientTokens.digest(request);
        if (!token.isEmpty()) {
            switch (tokens.check(token, digest)) {
                case SAME_REQUEST -> {
                    return Answer.ok(SUCCESS);
                }
                case OTHER_REQUEST -> {
                    return Answer.error("IdempotentParameterMismatchException", "Request parameters do not match the "
                            + "parameters of a previous request with the same ClientRequestToken");
                }
                case NEW -> { }
            }
        }
        if (injectConflict()) {
            return cancelled(actions.stream().map(a -> reason("TransactionConflict", "Transaction is ongoing for the item")).toList());
        }
        Map<String, JsonNode> before = snapshot(actions);
        List<Action> applied = new ArrayList<>();
        List<ObjectNode> reasons = new ArrayList<>();
        Answer fatal = null;
        for (Action action : actions) {
            Answer answer = wire.call(operation(action), singleItemRequest(action, before.get(action.identity())));
            if (answer.succeeded()) {
                applied.add(action);
                reasons.add(Answer.JSON.createObjectNode().put("Code", "None"));
            } else if ("ConditionalCheckFailedException".equals(answer.errorType())) {
                ObjectNode reason = reason("ConditionalCheckFailed", "The conditional request failed");
                JsonNode old = before.get(action.identity());
                if ("ALL_OLD".equals(action.body().path("ReturnValuesOnConditionCheckFailure").asText()) && old != null) {
                    reason.set("Item", old);
                }
                reasons.add(reason);
            } else if (fatal == null) {
                fatal = answer; // a ValidationException, ResourceNotFoundException, ...: AWS fails the whole request with it
            }
        }
        boolean allPassed = fatal == null && applied.size() == actions.size();
        for (Action action : applied) {
            if (!allPassed || "ConditionCheck".equals(action.kind())) {
                restore(action, before.get(action.identity()));
            }
        }
        if (fatal != null) {
            return fatal;
        }
        if (!allPassed) {
            return cancelled(reasons);
        }
        if (!token.isEmpty()) {
            tokens.succeeded(token, digest);
        }
        return Answer.ok(SUCCESS);
    }

    private boolean injectConflict() {
        if (conflictsToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return true;
        }
        double fraction = conflictFraction;
        return fraction > 0 && ThreadLocalRandom.current().nextDouble() < fraction;
    }

    /** Every touched item as it is now, read in one consistent BatchGetItem; absent items have no entry. */
    private Map<String, JsonNode> snapshot(List<Action> actions) {
        ObjectNode requestItems = Answer.JSON.createObjectNode();
        for (Action action : actions) {
            ObjectNode table = requestItems.has(action.table()) ? (ObjectNode) requestItems.get(action.table())
                    : requestItems.putObject(action.table()).put("ConsistentRead", true);
            (table.has("Keys") ? (ArrayNode) table.get("Keys") : table.putArray("Keys")).add(action.key());
        }
        JsonNode responses = wire.require("BatchGetItem", Answer.JSON.createObjectNode().set("RequestItems", requestItems))
                .path("Responses");
        Map<String, JsonNode> items = new HashMap<>();
        responses.fields().forEachRemaining(table -> table.getValue().forEach(item ->
                items.put(DynaliteWire.identity(table.getKey(), wire.keyOf(table.getKey(), item)), item)));
        return items;
    }

    private static String operation(Action action) {
        return switch (action.kind()) {
            case "Put", "ConditionCheck" -> "PutItem";
            case "Update" -> "UpdateItem";
            default -> "DeleteItem";
        };
    }

    /** The action as dynalite's own call; a ConditionCheck becomes a conditional write of the item as it is (undone after). */
    private static ObjectNode singleItemRequest(Action action, JsonNode before) {
        ObjectNode request = action.body().deepCopy();
        request.remove("ReturnValuesOnConditionCheckFailure");
        if ("ConditionCheck".equals(action.kind())) {
            request.remove("Key");
            request.set("Item", before != null ? before : action.key());
        }
        return request;
    }

    private void restore(Action action, JsonNode before) {
        ObjectNode request = Answer.JSON.createObjectNode().put("TableName", action.table());
        if (before != null) {
            wire.require("PutItem", request.set("Item", before));
        } else {
            wire.require("DeleteItem", request.set("Key", action.key()));
        }
    }

    private static ObjectNode reason(String code, String message) {
        return Answer.JSON.createObjectNode().put("Code", code).put("Message", message);
    }

    private static Answer cancelled(List<ObjectNode> reasons) {
        ObjectNode body = Answer.JSON.createObjectNode()
                .put("__type", "com.amazonaws.dynamodb.v20120810#TransactionCanceledException")
                .put("Message", "Transaction cancelled, please refer cancellation reasons for specific reasons "
                        + reasons.stream().map(r -> r.path("Code").asText()).toList());
        body.putArray("CancellationReasons").addAll(reasons);
        return Answer.of(400, body);
    }
}
