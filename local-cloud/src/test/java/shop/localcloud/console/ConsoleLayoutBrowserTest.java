package shop.localcloud.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.cloudformation.Template;
import shop.localparts.NodeModules;
import shop.localparts.ProjectRoot;

/**
 * The console's flow drawing as a person sees it, in headless Chromium (Debian's package, driven by playwright-core):
 * for today's template (13 functions, 10 of them in the event flow) and for a made-up one of 40 functions, every
 * name and label shown whole inside its box, each dead-letter queue beside its function, the columns in order, no
 * arrow across the drawing, the drawing within its panel (console-layout-check.js).
 * No local-cloud runs: the page gets what {@code /console/api/flow} would answer (kept with a picture of each drawing
 * in target/console-layout/).
 */
class ConsoleLayoutBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void the_flow_keeps_its_promises_in_the_browser_for_todays_template_and_for_forty_functions() throws Exception {
        Path root = ProjectRoot.find();
        assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium (apt-get install chromium; .ci/run installs it)");
        assertTrue(Files.isRegularFile(NodeModules.resolve("playwright-core", "package.json")), "playwright-core installed from package-lock.json");
        Path pictures = Files.createDirectories(root.resolve("local-cloud/target/console-layout"));
        Path today = pictures.resolve("today.json");
        Files.write(today, JSON.writeValueAsBytes(Console.flowJson(Template.load(root.resolve("template.yaml"), Map.of(), "http://sqs.local"))));
        Path bigTemplate = Files.writeString(dir.resolve("template.yaml"), FlowLayoutTest.bigTemplate(16, 24));
        Path big = pictures.resolve("forty-functions.json");
        Files.write(big, JSON.writeValueAsBytes(Console.flowJson(Template.load(bigTemplate, Map.of(), "http://sqs.local"))));

        ProcessBuilder node = new ProcessBuilder("node", root.resolve("local-cloud/src/test/js/console-layout.js").toString())
                .directory(root.toFile()).redirectOutput(dir.resolve("node.out").toFile()).redirectError(dir.resolve("node.err").toFile());
        node.environment().putAll(Map.of("CONSOLE_DIR", root.resolve("local-cloud/src/main/resources/console").toString(),
                "FLOW_FILES", today + File.pathSeparator + big, "SCREENSHOT_DIR", pictures.toString(), "CHROMIUM", CHROMIUM.toString()));
        Process process = node.start();
        boolean ended = process.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertTrue(ended && process.exitValue() == 0, "the browser script failed: " + Files.readString(dir.resolve("node.err")));

        JsonNode results = JSON.readTree(Files.readString(dir.resolve("node.out")));
        assertEquals(2, results.size(), results.toString());
        assertEquals(40, results.path(1).path("functions").asInt(), results.toString());
        for (JsonNode result : results) {
            assertEquals(List.of(), JSON.convertValue(result.path("problems"), List.class), result.path("file").asText());
        }
    }
}
