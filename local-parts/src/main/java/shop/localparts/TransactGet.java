package shop.localparts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import shop.localparts.TransactItems.Action;

/** TransactGetItems as consistent GetItems to dynalite while the caller holds the front's exclusive lock: one moment's view. */
final class TransactGet {

    private final DynaliteWire wire;

    TransactGet(DynaliteWire wire) {
        this.wire = wire;
    }

    Answer apply(JsonNode request) {
        ArrayNode responses = Answer.JSON.createArrayNode();
        for (Action action : TransactItems.read(request, TransactItems.GET_KINDS, wire)) {
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
