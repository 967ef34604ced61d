package shop.localcloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import shop.localcloud.Options;
import shop.localcloud.common.Quotas;
import shop.localcloud.common.UserError;

class ArgumentsTest {

    private static final Path ROOT = Path.of(".").toAbsolutePath();

    @Test
    void withoutQuotaFlagsNothingIsLimited() {
        Options options = Arguments.parse(new String[] {"up"}).options(ROOT, false);

        assertEquals(Quotas.NONE, options.quotas());
        assertFalse(options.quotas().any());
    }

    @Test
    void eachQuotaFlagSetsItsQuota() {
        Options options = Arguments.parse(new String[] {"up", "--account-concurrency", "12", "--put-events-tps", "50",
                "--ses-rate", "5", "--ses-daily", "2000", "--item-write-units", "40", "--api-throttle"}).options(ROOT, false);

        assertEquals(new Quotas(12, 50, 5, 2000, 40, true), options.quotas());
        assertEquals("up", Arguments.parse(new String[] {"--api-throttle", "up"}).positional().get(0), "--api-throttle takes no value");
    }

    @Test
    void aNegativeQuotaIsRefusedWithItsMeaning() {
        UserError refused = assertThrows(UserError.class,
                () -> Arguments.parse(new String[] {"up", "--ses-rate", "-1"}).options(ROOT, false));

        assertTrue(refused.getMessage().contains("0 (no limit) or more"), refused.getMessage());
    }

    @Test
    void anEnvironmentOverrideIsKeptPerFunction() {
        Options options = Options.defaults(ROOT).withEnvironment("OrderOutboxRelayFunction", "OUTBOX_RELAY_GRACE_SECONDS", "5")
                .withEnvironment("OrderOutboxRelayFunction", "OTHER", "x");

        assertEquals("5", options.environment().get("OrderOutboxRelayFunction").get("OUTBOX_RELAY_GRACE_SECONDS"));
        assertEquals(2, options.environment().get("OrderOutboxRelayFunction").size());
    }

    @Test
    void theTemplatesSesRateIsTheRateLocalSesHasUnlessAParameterSaysOtherwise() {
        Options unlimited = Options.defaults(ROOT);
        Options limited = unlimited.withQuotas(Quotas.NONE.withSes(5, 0));

        assertEquals("1000", unlimited.templateParameters().get("SesMaxSendRate"));
        assertEquals("5", limited.templateParameters().get("SesMaxSendRate"));
        assertEquals("2", limited.withParameter("SesMaxSendRate", "2").templateParameters().get("SesMaxSendRate"));
    }
}
