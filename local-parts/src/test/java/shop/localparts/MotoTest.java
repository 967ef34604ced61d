package shop.localparts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** moto as the second emulator must hold transactions atomic too: the reason it runs on one thread. */
class MotoTest {

    @TempDir
    Path dir;

    @Test
    void fifty_racing_transactions_on_moto_take_exactly_the_ten_units_there_are() throws InterruptedException {
        assumeTrue(Moto.importable(), "python3 cannot import moto.server: pip install 'moto[server]'");
        int port;
        try (Moto moto = Moto.start(dir.resolve("moto.log")); DynamoDbClient client = TemplateTables.localClient(moto.endpoint())) {
            port = java.net.URI.create(moto.endpoint()).getPort();
            for (int round = 0; round < 3; round++) {
                String table = TransactionalDynaliteTest.freshTable(client);
                assertEquals(10, TransactionalDynaliteTest.Race.run(client, table, 50, 10), "round " + round);
            }
        }
        assertFalse(FreePort.isListening(port), "moto must be gone after close()");
    }
}
