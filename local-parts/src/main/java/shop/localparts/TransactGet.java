package shop.localparts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import shop.localparts.TransactItems.Action;

/** TransactGetItems as consistent GetItems to dynalite while the caller holds the items' locks: one moment's view. */
final class TransactGet {

    private final DynaliteWire wire;

    TransactGet(DynaliteWire wire) {
        this.wire = wire;
    }

    /** Reads and checks the request, before any lock (a refused one throws its {@link Refusal}). */
    List<Action> prepare(JsonNode request) {
        return TransactItems.read(request, TransactItems.GET_KINDS, wire);
    }

    /** Reads every item; the caller holds their locks, so the answer is one moment's view. */
    Answer apply(List<Action> actions) {
        ArrayNode responses = Answer.JSON.createArrayNode();
        for (Action action : actions) {
            ObjectNode get = action.body().deepCopy();
            get.put("ConsistentRead", true);
            JsonNode item = wire.require("GetItem", get).get("Item");
            ObjectNode response = responses.addObject();
            if (item != null) {
                response.set("Item", item);
            }
        }
        ObjectNode body = Answer.JSON.createObjectNode();
        body.set("Responses", responses);
        return Answer.ok(body);
    }
}
