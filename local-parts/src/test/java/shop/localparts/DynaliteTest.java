package shop.localparts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DynaliteTest {

    @Test
    void starts_on_a_free_loopback_port_and_stops_when_closed() {
        int port;
        try (Dynalite dynalite = Dynalite.start()) {
            port = dynalite.port();
            assertTrue(FreePort.isListening(port));
        }
        assertFalse(FreePort.isListening(port), "dynalite must be gone after close()");
    }

    @Test
    void the_transactional_front_and_its_dynalite_stop_when_closed() {
        int front;
        int back;
        try (TransactionalDynalite dynamoDb = TransactionalDynalite.start()) {
            front = dynamoDb.port();
            back = java.net.URI.create(dynamoDb.dynaliteEndpoint()).getPort();
            assertTrue(FreePort.isListening(front));
            assertTrue(FreePort.isListening(back));
        }
        assertFalse(FreePort.isListening(front), "the front must be gone after close()");
        assertFalse(FreePort.isListening(back), "the dynalite behind it must be gone after close()");
    }
}
