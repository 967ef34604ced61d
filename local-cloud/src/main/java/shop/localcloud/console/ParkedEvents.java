package shop.localcloud.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The events producers parked (issue 21): owed events the bus refused for good, kept on their items in
 * {@code outboxParked} with the reason. Read from every table of the template (a local table is small), so the
 * console shows them beside the dead-letter queues; republishing is the relay's operator request (README).
 */
final class ParkedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARKED = "outboxParked";

    private final Map<String, String> tables;
    private final DynamoDbClient dynamo;

    ParkedEvents(Map<String, String> tables, DynamoDbClient dynamo) {
        this.tables = tables;
        this.dynamo = dynamo;
    }

    ArrayNode list() {
        ArrayNode list = JSON.createArrayNode();
        tables.forEach((logicalId, table) -> dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true)
                        .filterExpression("attribute_exists(" + PARKED + ")"))
                .items().forEach(item -> item.get(PARKED).m().forEach((eventId, entry) -> {
                    ObjectNode parked = list.addObject().put("table", logicalId).put("eventId", eventId)
                            .put("detailType", text(entry.m().get("detailType"))).put("reason", text(entry.m().get("reason")))
                            .put("parkedAt", text(entry.m().get("parkedAt")));
                    ObjectNode key = parked.putObject("key");
                    for (String name : new String[] {"pk", "sk"}) {
                        if (item.containsKey(name)) {
                            key.put(name, text(item.get(name)));
                        }
                    }
                })));
        return list;
    }

    private static String text(AttributeValue value) {
        return value == null ? "" : value.s() != null ? value.s() : String.valueOf(value.n());
    }
}
