package shop.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.localparts.FreePort;
import shop.localparts.TemplateTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class LocalDynamoDbTest {

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    @Test
    void fresh_tables_have_distinct_names_and_are_active_with_the_templates_keys() {
        String first = dynamoDb.freshTable("InventoryTable");
        String second = dynamoDb.freshTable("InventoryTable");

        assertNotEquals(first, second);
        for (String table : new String[] {first, second}) {
            TableDescription description = dynamoDb.client().describeTable(b -> b.tableName(table)).table();
            assertEquals(TableStatus.ACTIVE, description.tableStatus());
            assertEquals("pk", description.keySchema().get(0).attributeName());
            assertEquals("sk", description.keySchema().get(1).attributeName());
        }
    }

    @Test
    void an_item_put_into_a_fresh_table_is_read_back() {
        String table = dynamoDb.freshTable("InventoryTable");
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("SKU#SKU-1"), "sk", AttributeValue.fromS("STOCK"),
                "available", AttributeValue.fromN("7"));

        dynamoDb.client().putItem(b -> b.tableName(table).item(item));

        Map<String, AttributeValue> read = dynamoDb.client().getItem(b -> b.tableName(table)
                .key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))).consistentRead(true)).item();
        assertEquals(item, read);
    }

    @Test
    void the_endpoint_is_where_the_fresh_tables_live() {
        String table = dynamoDb.freshTable("PackageTable");

        try (DynamoDbClient other = TemplateTables.localClient(dynamoDb.endpoint())) {
            assertTrue(other.listTables().tableNames().contains(table));
        }
    }

    @Test
    void before_it_started_and_after_it_stopped_it_refuses_to_be_used() {
        LocalDynamoDb extension = new LocalDynamoDb();
        IllegalStateException refused = assertThrows(IllegalStateException.class, extension::client);
        assertTrue(refused.getMessage().contains("@RegisterExtension"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> extension.freshTable("InventoryTable"));
        assertThrows(IllegalStateException.class, extension::endpoint);

        extension.beforeAll(null); // it reads nothing from the context, so a test can drive it by hand
        int port = URI.create(extension.endpoint()).getPort();
        assertTrue(FreePort.isListening(port));
        extension.afterAll(null);

        assertFalse(FreePort.isListening(port), "dynalite must be gone after the class's tests");
        assertThrows(IllegalStateException.class, extension::client);
    }
}
