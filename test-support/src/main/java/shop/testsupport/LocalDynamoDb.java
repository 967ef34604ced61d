package shop.testsupport;

import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import shop.localparts.TemplateTables;
import shop.localparts.TransactionalDynalite;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local DynamoDB (dynalite behind {@link TransactionalDynalite}: transactions and TTL too) for one test class, so
 * no test class repeats the start, the stop and the fresh table: register it on a
 * static field with {@code @RegisterExtension}; it starts before the class's first test and stops after its last.
 */
public final class LocalDynamoDb implements BeforeAllCallback, AfterAllCallback {

    private TransactionalDynalite dynamoDb;
    private DynamoDbClient client;
    private TemplateTables tables;
    /** {@code @Nested} classes inherit the extension and call it again: only the outermost class starts and stops. */
    private int depth;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (depth++ > 0) {
            return;
        }
        dynamoDb = TransactionalDynalite.start();
        client = TemplateTables.localClient(dynamoDb.endpoint());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--depth > 0) {
            return;
        }
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (dynamoDb != null) { // null when it failed to start: JUnit calls afterAll all the same
                dynamoDb.close();
            }
            client = null;
            dynamoDb = null;
        }
    }

    public String endpoint() {
        return started().endpoint();
    }

    /** The running local DynamoDB itself, for what only a test asks of it (e.g. {@code failNextTransactionsWithConflict}). */
    public TransactionalDynalite server() {
        return started();
    }

    public DynamoDbClient client() {
        started();
        return client;
    }

    /** Creates a new table exactly as template.yaml declares {@code logicalId}, under a name no other test uses. */
    public String freshTable(String logicalId) {
        DynamoDbClient started = client();
        if (tables == null) {
            tables = TemplateTables.ofProject();
        }
        String name = logicalId + "-" + UUID.randomUUID();
        tables.create(started, logicalId, name);
        return name;
    }

    private TransactionalDynalite started() {
        if (dynamoDb == null) {
            throw new IllegalStateException("LocalDynamoDb is not running: register it on a static field with "
                    + "@RegisterExtension; it runs from before the class's @BeforeAll methods to after its @AfterAll methods");
        }
        return dynamoDb;
    }
}
