package shop.localparts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates in a local DynamoDB endpoint the tables that template.yaml declares, with the template's keys and
 * indexes and TTL, so no test or local run describes a table a second time. Settings that only AWS honours
 * (PITR, SSE, deletion protection) are left out: the local DynamoDB does not implement them.
 */
public final class TemplateTables {

    private final Map<String, Map<String, Object>> tables = new LinkedHashMap<>();

    public TemplateTables(Path template) {
        CloudFormationYaml.resources(CloudFormationYaml.read(template)).forEach((logicalId, resource) -> {
            if ("AWS::DynamoDB::Table".equals(resource.get("Type"))) {
                tables.put(logicalId, CloudFormationYaml.properties(resource));
            }
        });
    }

    /** The tables of the project's own template.yaml. */
    public static TemplateTables ofProject() {
        return new TemplateTables(ProjectRoot.find().resolve("template.yaml"));
    }

    public List<String> logicalIds() {
        return List.copyOf(tables.keySet());
    }

    /** Creates the table declared as {@code logicalId} under {@code tableName}; an existing one is kept. */
    public void create(DynamoDbClient client, String logicalId, String tableName) {
        Map<String, Object> properties = tables.get(logicalId);
        if (properties == null) {
            throw new IllegalArgumentException("template.yaml declares no AWS::DynamoDB::Table named " + logicalId
                    + " (it has " + tables.keySet() + ")");
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(list(properties, "AttributeDefinitions").stream()
                        .map(d -> AttributeDefinition.builder().attributeName(text(d, "AttributeName"))
                                .attributeType(text(d, "AttributeType")).build()).toList())
                .keySchema(keys(list(properties, "KeySchema")));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Map<String, Object> index : list(properties, "GlobalSecondaryIndexes")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> projection = (Map<String, Object>) index.get("Projection");
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(text(index, "IndexName"))
                    .keySchema(keys(list(index, "KeySchema")))
                    .projection(Projection.builder().projectionType(text(projection, "ProjectionType"))
                            .nonKeyAttributes(stringList(projection, "NonKeyAttributes")).build())
                    .build());
        }
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        try {
            client.createTable(request.build());
        } catch (ResourceInUseException alreadyThere) {
            // created by an earlier test in the same run: same template, same table
        }
        awaitActive(client, tableName);
        enableTimeToLive(client, tableName, properties);
    }

    /** The template's TimeToLiveSpecification, unless a table kept from an earlier test has it already. */
    private static void enableTimeToLive(DynamoDbClient client, String tableName, Map<String, Object> properties) {
        @SuppressWarnings("unchecked")
        Map<String, Object> ttl = (Map<String, Object>) properties.get("TimeToLiveSpecification");
        if (ttl == null || !Boolean.parseBoolean(text(ttl, "Enabled"))) {
            return;
        }
        TimeToLiveStatus status = client.describeTimeToLive(b -> b.tableName(tableName)).timeToLiveDescription().timeToLiveStatus();
        if (status != TimeToLiveStatus.ENABLED) {
            client.updateTimeToLive(b -> b.tableName(tableName)
                    .timeToLiveSpecification(s -> s.attributeName(text(ttl, "AttributeName")).enabled(true)));
        }
    }

    /**
     * dynalite answers CreateTable with the table still CREATING even with {@code --createTableMs 0}, and refuses
     * writes until it turns ACTIVE a moment later; the SDK's waiter polls every 20 s, far too slow for tests.
     */
    private static void awaitActive(DynamoDbClient client, String tableName) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (client.describeTable(b -> b.tableName(tableName)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + tableName + " did not become ACTIVE within 10 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + tableName, e);
            }
        }
    }

    /** A DynamoDB client for a local endpoint (fake credentials; nothing here can reach AWS). */
    public static DynamoDbClient localClient(String endpoint) {
        return LocalAwsClients.retrying(DynamoDbClient.builder(), endpoint);
    }

    private static List<KeySchemaElement> keys(List<Map<String, Object>> schema) {
        return schema.stream().map(k -> KeySchemaElement.builder().attributeName(text(k, "AttributeName"))
                .keyType(text(k, "KeyType")).build()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.getOrDefault(key, List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(Map<String, Object> map, String key) {
        return map.containsKey(key) ? (List<String>) map.get(key) : null;
    }

    private static String text(Map<String, Object> map, String key) {
        return String.valueOf(map.get(key));
    }
}
