package shop.testsupport;

import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import shop.localparts.Dynalite;
import shop.localparts.TemplateTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Dynalite for one test class, so no test class repeats the start, the stop and the fresh table: register it on a
 * static field with {@code @RegisterExtension}; it starts before the class's first test and stops after its last.
 */
public final class LocalDynamoDb implements BeforeAllCallback, AfterAllCallback {

    private Dynalite dynalite;
    private DynamoDbClient client;
    private TemplateTables tables;
    /** {@code @Nested} classes inherit the extension and call it again: only the outermost class starts and stops. */
    private int depth;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (depth++ > 0) {
            return;
        }
        dynalite = Dynalite.start();
        client = TemplateTables.localClient(dynalite.endpoint());
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
            if (dynalite != null) { // null when it failed to start: JUnit calls afterAll all the same
                dynalite.close();
            }
            client = null;
            dynalite = null;
        }
    }

    public String endpoint() {
        return started().endpoint();
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

    private Dynalite started() {
        if (dynalite == null) {
            throw new IllegalStateException("LocalDynamoDb is not running: register it on a static field with "
                    + "@RegisterExtension; it runs from before the class's @BeforeAll methods to after its @AfterAll methods");
        }
        return dynalite;
    }
}
