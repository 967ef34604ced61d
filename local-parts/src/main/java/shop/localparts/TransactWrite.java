package shop.localparts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import shop.localparts.TransactItems.Action;

/**
 * TransactWriteItems on top of dynalite's single-item calls: the caller holds the front's exclusive lock, so no other
 * request sees an item between the first action and the rollback. Each action is dynalite's own conditional write,
 * so dynalite, not this class, evaluates every condition expression; the actions go out at once, each returning the
 * item as it was, which is what a refused transaction puts back.
 */
final class TransactWrite {

    private static final JsonNode SUCCESS = Answer.JSON.createObjectNode();
    /** Up to 100 actions of one transaction in flight at once (only one transaction runs at a time). */
    private static final ExecutorService PARALLEL = Executors.newFixedThreadPool(100, r -> {
        Thread thread = new Thread(r, "dynamodb-transaction-action");
        thread.setDaemon(true);
        return thread;
    });

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

    /** A request read and checked, ready to run: what can be done before taking the front's exclusive lock. */
    record Prepared(List<Action> actions, String token, String digest) {
    }

    /** Reads and checks the request (a refused one throws its {@link Refusal}); touches no item. */
    Prepared prepare(JsonNode request) {
        List<Action> actions = TransactItems.read(request, TransactItems.WRITE_KINDS, wire);
        String token = request.path("ClientRequestToken").asText("");
        return new Prepared(actions, token, token.isEmpty() ? "" : ClientTokens.digest(request));
    }

    /** Runs a prepared transaction; the caller holds the front's exclusive lock. */
    Answer apply(Prepared prepared) {
        List<Action> actions = prepared.actions();
        String token = prepared.token();
        String digest = prepared.digest();
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
        List<Outcome> outcomes = all(actions.stream().<Callable<Outcome>>map(action -> () -> attempt(action)).toList());
        List<ObjectNode> reasons = new ArrayList<>();
        Answer fatal = null;
        for (Outcome outcome : outcomes) {
            if (outcome.answer().succeeded()) {
                reasons.add(Answer.JSON.createObjectNode().put("Code", "None"));
            } else if ("ConditionalCheckFailedException".equals(outcome.answer().errorType())) {
                ObjectNode reason = reason("ConditionalCheckFailed", "The conditional request failed");
                if ("ALL_OLD".equals(outcome.action().body().path("ReturnValuesOnConditionCheckFailure").asText())) {
                    JsonNode item = current(outcome.action()); // the refused write changed nothing: the item as it is
                    if (item != null) {
                        reason.set("Item", item);
                    }
                }
                reasons.add(reason);
            } else if (fatal == null) {
                fatal = outcome.answer(); // a ValidationException, ResourceNotFoundException, ...: AWS fails the whole request with it
            }
        }
        boolean allPassed = fatal == null && outcomes.stream().allMatch(outcome -> outcome.answer().succeeded());
        all(outcomes.stream().filter(outcome -> outcome.answer().succeeded() && (!allPassed || "ConditionCheck".equals(outcome.action().kind())))
                .<Callable<Outcome>>map(outcome -> () -> {
                    restore(outcome.action(), outcome.before());
                    return outcome;
                }).toList());
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

    /**
     * The answer to a transaction refused by the items' write rate ({@link ItemWriteRate}): cancelled, nothing applied,
     * {@code ThrottlingError} for each action on a throttled item and {@code None} for the others, as AWS answers.
     */
    static Answer throttled(List<Action> actions, List<String> throttledItems) {
        return cancelled(actions.stream().map(action -> throttledItems.contains(action.identity())
                ? reason("ThrottlingError", "Throughput exceeds the current capacity of your table or index.")
                : Answer.JSON.createObjectNode().put("Code", "None")).toList());
    }

    /** One action's write and what its item was before it (null: there was none), read from the write's own answer. */
    private record Outcome(Action action, Answer answer, JsonNode before) {
    }

    /**
     * Applies one action as dynalite's own conditional write, asking for the item as it was (ReturnValues ALL_OLD), so
     * no read is needed to undo it; a ConditionCheck reads the item first, to write it back unchanged under its condition.
     */
    private Outcome attempt(Action action) {
        if ("ConditionCheck".equals(action.kind())) {
            JsonNode before = current(action);
            return new Outcome(action, wire.call("PutItem", singleItemRequest(action, before)), before);
        }
        ObjectNode request = singleItemRequest(action, null);
        request.put("ReturnValues", "ALL_OLD");
        Answer answer = wire.call(operation(action), request);
        JsonNode before = answer.succeeded() ? answer.json().get("Attributes") : null;
        return new Outcome(action, answer, before == null || before.isEmpty() ? null : before);
    }

    /** The item an action names, as it is now (consistent), or null. */
    private JsonNode current(Action action) {
        JsonNode item = wire.require("GetItem", Answer.JSON.createObjectNode().put("TableName", action.table())
                .put("ConsistentRead", true).set("Key", action.key())).get("Item");
        return item == null || item.isEmpty() ? null : item;
    }

    /**
     * Runs the calls at once and waits for every one: the actions touch different items, and the front's exclusive lock
     * keeps every other request out, so their order does not matter; a transaction then costs one round trip, not one per action.
     */
    private List<Outcome> all(List<Callable<Outcome>> calls) {
        if (calls.isEmpty()) {
            return List.of();
        }
        List<Future<Outcome>> others = new ArrayList<>();
        for (Callable<Outcome> call : calls.subList(1, calls.size())) {
            others.add(PARALLEL.submit(call));
        }
        try {
            List<Outcome> outcomes = new ArrayList<>();
            outcomes.add(calls.get(0).call()); // the first on this thread: one hand-off fewer for the usual two actions
            for (Future<Outcome> other : others) {
                outcomes.add(other.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a transaction", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        } finally {
            others.forEach(other -> other.cancel(false)); // none left running once this returns or throws
        }
    }

    private boolean injectConflict() {
        if (conflictsToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return true;
        }
        double fraction = conflictFraction;
        return fraction > 0 && ThreadLocalRandom.current().nextDouble() < fraction;
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
