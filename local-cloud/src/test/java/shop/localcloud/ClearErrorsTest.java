package shop.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.cli.Main;
import shop.localcloud.common.Flow;
import shop.localcloud.common.UserError;
import shop.localparts.ProjectRoot;

/** What the user sees when something is not right: one line saying what and what to do. */
class ClearErrorsTest {

    @TempDir
    Path dir;

    private Options options() {
        return Options.defaults(ProjectRoot.find()).withDataDir(dir.resolve("data")).withPorts(0, 0, 0);
    }

    @Test
    void a_busy_port_is_named_with_the_option_that_changes_it() throws Exception {
        HttpServer busy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        busy.start();
        try {
            int port = busy.getAddress().getPort();
            UserError error = assertThrows(UserError.class,
                    () -> LocalCloud.start(options().withPorts(port, 0, 0), Flow.quiet()));
            assertEquals("port " + port + " is in use (another local-cloud?); stop what runs there or pass --port <free port>",
                    error.getMessage());
        } finally {
            busy.stop(0);
        }
    }

    @Test
    void an_unreadable_template_says_which_file_and_what_to_do() throws Exception {
        Path broken = dir.resolve("template.yaml");
        Files.writeString(broken, "Resources: [unclosed");

        UserError missing = assertThrows(UserError.class,
                () -> LocalCloud.start(options().withTemplate(dir.resolve("nope.yaml")), Flow.quiet()));
        UserError unreadable = assertThrows(UserError.class, () -> LocalCloud.start(options().withTemplate(broken), Flow.quiet()));

        assertTrue(missing.getMessage().startsWith("cannot read the template " + dir.resolve("nope.yaml")), missing.getMessage());
        assertTrue(unreadable.getMessage().contains("cannot read the template " + broken), unreadable.getMessage());
    }

    @Test
    void a_function_whose_jar_is_not_built_names_the_build_command() throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, TestSystem.TEMPLATE.replace("JAR", dir.resolve("missing.jar").toString()));

        UserError error = assertThrows(UserError.class, () -> LocalCloud.start(options().withTemplate(template), Flow.quiet()));

        assertTrue(error.getMessage().startsWith("not built: HelloFunction"), error.getMessage());
        assertTrue(error.getMessage().contains("run mvn -B -DskipTests package"), error.getMessage());
    }

    @Test
    void the_command_line_prints_one_line_and_no_stack_trace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        UserError error = assertThrows(UserError.class, () -> Main.run(new String[] {"invoke", "InventoryFunction"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)));

        assertTrue(error.getMessage().startsWith("invoke needs an event: -e <file>"), error.getMessage());
        assertThrows(UserError.class, () -> Main.run(new String[] {"replay", "--from", "yesterday"}, System.out, System.err));
    }
}
