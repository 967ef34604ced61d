package shop.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PublishSettingsTest {

    @Test
    void settings_that_could_never_publish_are_refused_at_init() {
        assertThrows(IllegalArgumentException.class, () -> new PublishSettings(" ", 3, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new PublishSettings("bus", 0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new PublishSettings("bus", 3, Duration.ofMillis(-1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new PublishSettings("bus", 3, Duration.ZERO, Duration.ofSeconds(-1)));
    }

    @Test
    void the_relay_reads_the_table_key_hash_first_then_range() {
        assertArrayEquals(new String[] {"pk"}, OutboxRelayHandler.keyAttributes("pk"));
        assertArrayEquals(new String[] {"pk", "sk"}, OutboxRelayHandler.keyAttributes(" pk , sk "));
    }

    @Test
    void a_table_key_of_no_or_more_than_two_attributes_is_refused_at_init() {
        assertThrows(IllegalStateException.class, () -> OutboxRelayHandler.keyAttributes(" , "));
        assertThrows(IllegalStateException.class, () -> OutboxRelayHandler.keyAttributes("a,b,c"));
    }
}
