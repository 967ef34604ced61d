package shop.localparts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

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
    void creates_every_table_of_the_template_with_its_keys_and_indexes() {
        TemplateTables tables = TemplateTables.ofProject();
        try (Dynalite dynalite = Dynalite.start(); DynamoDbClient client = TemplateTables.localClient(dynalite.endpoint())) {
            for (String logicalId : tables.logicalIds()) {
                tables.create(client, logicalId, logicalId);
            }
            assertTrue(client.listTables().tableNames().containsAll(tables.logicalIds()));
            TableDescription orders = client.describeTable(b -> b.tableName("OrdersTable")).table();
            assertEquals("pk", orders.keySchema().get(0).attributeName());
            assertEquals("outbox", orders.globalSecondaryIndexes().get(0).indexName());
        }
    }
}
