package shop.testsupport;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** ConsumerShape's queue-envelope rule, on a context of the right shape and on one that dispatches a second time. */
class ConsumerShapeRulesTest {

    private static ConsumerShape shape(String context) {
        String root = "shop.testsupport.shape." + context;
        return new ConsumerShape(root, "Fixture", new ClassFileImporter().importPackages(root)) {
        };
    }

    @Test
    void an_envelope_that_hands_the_body_to_BusEventHandler_keeps_the_rule() {
        shape("envelope").a_queue_envelope_is_handler_QueueEventHandler_and_hands_every_body_to_BusEventHandler();
    }

    @Test
    void an_envelope_that_calls_a_use_case_itself_or_a_second_one_under_another_name_breaks_the_rule() {
        AssertionError broken = assertThrows(AssertionError.class,
                shape("dispatching")::a_queue_envelope_is_handler_QueueEventHandler_and_hands_every_body_to_BusEventHandler);

        assertTrue(broken.getMessage().contains("calls the use case shop.testsupport.shape.dispatching.application.NotifySomeone itself"),
                broken.getMessage());
        assertTrue(broken.getMessage().contains("RetryingEnvelope holds the BusEventHandler but is not"), broken.getMessage());
    }
}
