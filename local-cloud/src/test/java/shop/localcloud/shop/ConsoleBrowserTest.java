package shop.localcloud.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.CloudView;
import shop.localcloud.LocalCloud;
import shop.localcloud.Options;
import shop.localcloud.cloudformation.Model.RuleSpec;
import shop.localcloud.console.Console;
import shop.localparts.NodeModules;
import shop.localparts.ProjectRoot;
import shop.testsupport.SampleEvents;
import software.amazon.event.ruler.Machine;

/**
 * The console in a real browser (Debian's headless Chromium, driven by playwright-core from a Node script): an
 * order placed with a minted token shows up as a journey with its event and a delivery to every rule it matches.
 */
class ConsoleBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void a_placed_order_shows_its_journey_in_the_browser() throws Exception {
        Path root = ProjectRoot.find();
        assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium (apt-get install chromium; .ci/run installs it)");
        // installs the locked Node.js packages (npm ci, output in target/npm-ci.log) when playwright-core is missing
        assertTrue(Files.isRegularFile(NodeModules.resolve("playwright-core", "package.json")), "playwright-core installed from package-lock.json");
        Options options = Options.defaults(root).withDataDir(dir.resolve("data")).withPorts(0, 0, 0).withRetryScale(0.001);
        try (LocalCloud started = LocalCloud.start(options, new PrintStream(Files.newOutputStream(dir.resolve("flow.log")), true))) {
            CloudView cloud = started.view();
            String customer = "browser-" + UUID.randomUUID().toString().substring(0, 8);
            Path body = Files.writeString(dir.resolve("order.json"), ShopClient.orderBody(customer + "@example.com", "SKU-1", "1"));
            long expected = rulesMatching(cloud, SampleEvents.json("inventory-service/order-placed.json"));
            assertTrue(expected > 0, "some rule takes an OrderPlaced event");
            Path screenshot = root.resolve("local-cloud/target/console.png");

            ProcessBuilder node = new ProcessBuilder("node", root.resolve("local-cloud/src/test/js/console-journey.js").toString())
                    .directory(root.toFile()).redirectOutput(dir.resolve("node.out").toFile()).redirectError(dir.resolve("node.err").toFile());
            node.environment().putAll(Map.of("CONSOLE_URL", cloud.edgeEndpoint() + Console.PATH + "/", "HTTP_URL", cloud.httpUrl(),
                    "TOKEN", cloud.token(customer), "ORDER_BODY_FILE", body.toString(), "EXPECTED_DELIVERIES", Long.toString(expected),
                    "SCREENSHOT", screenshot.toString(), "CHROMIUM", CHROMIUM.toString()));
            Process process = node.start();
            boolean ended = process.waitFor(240, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            String err = Files.readString(dir.resolve("node.err"));
            assertTrue(ended && process.exitValue() == 0, "the browser script failed: " + err + "\nflow:\n" + Files.readString(dir.resolve("flow.log")));

            JsonNode seen = JSON.readTree(Files.readString(dir.resolve("node.out")));
            assertTrue(seen.path("events").toString().contains("OrderPlaced"), seen.toString());
            assertTrue(seen.path("deliveries").size() >= expected, seen.toString());
            assertEquals(cloud.spec().rules().size(), seen.path("rules").asInt(), "the console lists every rule of the template");
            assertTrue(Files.size(screenshot) > 10_000, "a screenshot was taken");
        }
    }

    private static long rulesMatching(CloudView cloud, JsonNode event) {
        long count = 0;
        for (RuleSpec rule : cloud.spec().rules()) {
            try {
                Machine machine = Machine.builder().build();
                machine.addRule(rule.name(), rule.patternJson());
                count += machine.rulesForJSONEvent(event.toString()).isEmpty() ? 0 : 1;
            } catch (Exception e) {
                throw new AssertionError(rule.name() + "'s pattern: " + e.getMessage(), e);
            }
        }
        return count;
    }
}
