package shop.localcloud.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.FunctionJars;
import shop.localcloud.cloudformation.Model.AsyncConfig;
import shop.localcloud.cloudformation.Model.FunctionSpec;

class LocalFunctionTest {

    @TempDir
    static Path dir;
    static Path jar;
    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();
    static final List<String> LOGS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void buildJar() {
        jar = FunctionJars.fixtures(dir);
    }

    @AfterAll
    static void stopTimer() {
        TIMER.shutdownNow();
    }

    private static LocalFunction function(String handler, int timeoutSeconds) {
        return function(handler, timeoutSeconds, 1);
    }

    private static LocalFunction function(String handler, int timeoutSeconds, int instances) {
        FunctionSpec spec = new FunctionSpec("HelloFunction", jar, List.of(), handler, Map.of("GREETING", "from the template"), 256,
                timeoutSeconds, new AsyncConfig(2, 3600, null));
        return new LocalFunction(spec, LambdaEnvironment.command(spec, dir), LambdaEnvironment.of(spec, Map.of(), dir), instances, TIMER,
                LOGS::add);
    }

    private static InvocationResult invoke(LocalFunction function, String event) throws Exception {
        return function.invoke(event.getBytes(StandardCharsets.UTF_8)).get(60, TimeUnit.SECONDS);
    }

    @Test
    void a_handler_in_a_jar_answers_through_the_runtime_interface_client_with_the_templates_environment() throws Exception {
        try (LocalFunction hello = function("shop.localcloud.fixtures.HelloHandler::handleRequest", 10)) {
            InvocationResult first = invoke(hello, "{\"n\":1}");
            InvocationResult second = invoke(hello, "{\"n\":2}");

            assertTrue(first.ok(), first.summary());
            assertTrue(first.payloadText().startsWith("{\"hello\":{\"n\":1},\"function\":\"HelloFunction\""), first.payloadText());
            assertTrue(first.payloadText().contains("\"greeting\":\"from the template\""), first.payloadText());
            assertTrue(second.payloadText().contains("{\"n\":2}"), "the same JVM serves the next event");
            assertEquals(1, hello.instanceCount());
        }
    }

    @Test
    void a_handler_that_throws_is_reported_as_a_function_error_with_its_message() throws Exception {
        try (LocalFunction failing = function("shop.localcloud.fixtures.FailingHandler::handleRequest", 10)) {
            InvocationResult result = invoke(failing, "{}");

            assertEquals(InvocationResult.Outcome.ERROR, result.outcome());
            assertEquals("cannot process this event", result.errorMessage());
            assertTrue(result.errorType().contains("IllegalStateException"), result.errorType());
        }
    }

    @Test
    void a_wrong_handler_class_fails_the_invocation_as_in_lambda() throws Exception {
        try (LocalFunction wrong = function("shop.localcloud.fixtures.NoSuchHandler::handleRequest", 10)) {
            InvocationResult result = invoke(wrong, "{}");

            assertEquals(InvocationResult.Outcome.ERROR, result.outcome());
            assertTrue(result.errorMessage().contains("NoSuchHandler"), result.errorMessage());
        }
    }

    @Test
    void an_invocation_past_the_timeout_is_killed_and_the_next_one_gets_a_fresh_jvm() throws Exception {
        // 3 s, not 1: the fresh JVM's first invocation loads the handler's classes within the timeout, which a loaded
        // machine can stretch past one second (the timeout counts from the runtime's /next, as in Lambda, not from JVM start)
        try (LocalFunction sleepy = function("shop.localcloud.fixtures.SleepingHandler::handleRequest", 3)) {
            InvocationResult late = invoke(sleepy, "{\"sleep\":30}");
            InvocationResult crashed = invoke(sleepy, "{\"crash\":true}");
            InvocationResult quick = invoke(sleepy, "{\"sleep\":0}");

            assertEquals(InvocationResult.Outcome.TIMEOUT, late.outcome());
            assertEquals("Task timed out after 3.00 seconds", late.errorMessage());
            assertEquals("Runtime.ExitError", crashed.errorType(), crashed.summary());
            assertTrue(quick.ok(), quick.summary());
            assertEquals("\"awake\"", quick.payloadText());
        }
    }

    @Test
    void concurrent_invocations_start_several_jvms_at_once_and_all_of_them_answer() throws Exception {
        try (LocalFunction sleepy = function("shop.localcloud.fixtures.SleepingHandler::handleRequest", 10, 3)) {
            List<java.util.concurrent.CompletableFuture<InvocationResult>> results = java.util.stream.IntStream.range(0, 3)
                    .mapToObj(i -> sleepy.invoke("{\"sleep\":1}".getBytes(StandardCharsets.UTF_8))).toList();

            for (java.util.concurrent.CompletableFuture<InvocationResult> result : results) {
                InvocationResult answer = result.get(60, TimeUnit.SECONDS);
                assertTrue(answer.ok(), answer.summary() + " " + LOGS);
            }
            assertEquals(3, sleepy.instanceCount(), "three environments served the three concurrent invocations");
        }
    }
}
