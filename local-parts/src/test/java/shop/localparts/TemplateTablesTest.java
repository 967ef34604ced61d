package shop.localparts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TemplateTablesTest {

    @Test
    void short_form_tags_read_as_their_long_form() {
        Map<String, Object> template = CloudFormationYaml.parse("""
                Resources:
                  A:
                    Properties:
                      Name: !Sub shop-${Stage}
                      Table: !Ref T
                      Arn: !GetAtt Q.Arn
                      List: !Join [",", [a, !Ref B]]
                """);
        Map<String, Object> properties = CloudFormationYaml.properties(CloudFormationYaml.resources(template).get("A"));

        assertEquals(Map.of("Fn::Sub", "shop-${Stage}"), properties.get("Name"));
        assertEquals(Map.of("Ref", "T"), properties.get("Table"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Q", "Arn")), properties.get("Arn"));
        assertEquals(Map.of("Fn::Join", List.of(",", List.of("a", Map.of("Ref", "B")))), properties.get("List"));
    }

    @Test
    void creates_every_table_of_the_template_with_its_keys_indexes_and_ttl() {
        TemplateTables tables = TemplateTables.ofProject();
        try (TransactionalDynalite dynamoDb = TransactionalDynalite.start(); DynamoDbClient client = TemplateTables.localClient(dynamoDb.endpoint())) {
            for (String logicalId : tables.logicalIds()) {
                tables.create(client, logicalId, logicalId);
            }
            assertTrue(client.listTables().tableNames().containsAll(tables.logicalIds()));
            TableDescription orders = client.describeTable(b -> b.tableName("OrdersTable")).table();
            assertEquals("pk", orders.keySchema().get(0).attributeName());
            assertEquals("outbox", orders.globalSecondaryIndexes().get(0).indexName());
            TimeToLiveDescription ttl = client.describeTimeToLive(b -> b.tableName("OrdersTable")).timeToLiveDescription();
            assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
            assertEquals("expiresAt", ttl.attributeName());
            assertEquals(TimeToLiveStatus.DISABLED, client.describeTimeToLive(b -> b.tableName("InventoryTable"))
                    .timeToLiveDescription().timeToLiveStatus(), "the template gives the consumer tables no TTL on purpose");
            tables.create(client, "OrdersTable", "OrdersTable"); // again, as a second test in the same run does: kept as it is
        }
    }
}
