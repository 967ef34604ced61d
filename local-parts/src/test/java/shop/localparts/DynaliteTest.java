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
}
