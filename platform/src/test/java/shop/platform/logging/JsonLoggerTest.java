package shop.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import shop.platform.json.Json;

class JsonLoggerTest {

    private final Logger log = LoggerFactory.getLogger("shop.test.Example");

    @Test
    void slf4j_is_bound_to_the_json_logger() {
        assertInstanceOf(JsonLogger.class, log);
    }

    @Test
    void a_line_is_one_json_object_with_the_message_the_invocation_fields_and_the_key_values() throws Exception {
        List<JsonNode> lines = capture(() -> LambdaLogging.withCorrelationId(new FakeContext(), "corr-1", () -> {
            log.atInfo().addKeyValue("outcome", Level.WARN).addKeyValue("skus", List.of("A", "B")).addKeyValue("count", 3)
                    .log("handled {} of {}", "one", "two");
            return null;
        }));

        assertEquals(1, lines.size());
        JsonNode line = lines.get(0);
        assertEquals("INFO", line.path("level").asText());
        assertEquals("Example", line.path("logger").asText());
        assertEquals("handled one of two", line.path("message").asText());
        assertTrue(line.path("timestamp").asText().endsWith("Z"), line.toString());
        assertEquals("corr-1", line.path("correlation_id").asText());
        assertEquals("request-1", line.path("function_request_id").asText());
        assertEquals("ExampleFunction", line.path("function_name").asText());
        assertEquals("WARN", line.path("outcome").asText());
        assertEquals("B", line.path("skus").path(1).asText());
        assertEquals(3, line.path("count").asInt());
        assertEquals(null, MDC.get(LambdaLogging.CORRELATION_ID), "the invocation's fields end with it");
    }

    @Test
    void only_the_first_invocation_of_a_jvm_is_a_cold_start() throws Exception {
        List<JsonNode> lines = capture(() -> {
            for (int i = 0; i < 2; i++) {
                LambdaLogging.withCorrelationId(new FakeContext(), "c", () -> {
                    log.info("call");
                    return null;
                });
            }
        });
        assertEquals("false", lines.get(1).path("cold_start").asText());
    }

    @Test
    void an_exception_and_line_breaks_stay_on_one_line() throws Exception {
        List<JsonNode> lines = capture(() -> log.error("first\nsecond {}", "arg", new IllegalStateException("broken")));

        assertEquals(1, lines.size(), "a stack trace must not split the line");
        JsonNode line = lines.get(0);
        assertEquals("first\nsecond arg", line.path("message").asText());
        assertEquals(IllegalStateException.class.getName(), line.at("/error/name").asText());
        assertEquals("broken", line.at("/error/message").asText());
        assertTrue(line.at("/error/stack").asText().contains("JsonLoggerTest"), line.toString());
    }

    @Test
    void the_sdk_logs_warnings_only_and_the_level_comes_from_the_environment() throws Exception {
        Logger sdk = LoggerFactory.getLogger("software.amazon.awssdk.request");
        assertFalse(sdk.isInfoEnabled());
        assertTrue(sdk.isWarnEnabled());
        assertFalse(log.isDebugEnabled(), "INFO unless configured");

        assertEquals(Level.INFO, JsonLogs.level(Map.of()));
        assertEquals(Level.DEBUG, JsonLogs.level(Map.of("LOG_LEVEL", "debug")));
        assertEquals(Level.WARN, JsonLogs.level(Map.of("LOG_LEVEL", "debug", "AWS_LAMBDA_LOG_LEVEL", "WARN")),
                "Lambda's own setting wins");
        assertEquals(Level.ERROR, JsonLogs.level(Map.of("LOG_LEVEL", "FATAL")));
        assertEquals(Level.INFO, JsonLogs.level(Map.of("LOG_LEVEL", "loud")), "an unknown level is INFO, not a crash");
    }

    @Test
    void lines_below_the_level_are_not_written() throws Exception {
        List<JsonNode> lines = capture(() -> {
            log.debug("hidden");
            log.atDebug().addKeyValue("k", "v").log("hidden too");
            log.warn("shown");
        });
        assertEquals(1, lines.size());
        assertEquals("shown", lines.get(0).path("message").asText());
    }

    private static List<JsonNode> capture(Runnable logging) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setOut(stdout);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).lines().toList()) {
            lines.add(Json.read(line));
        }
        return lines;
    }

    private static final class FakeContext implements Context {
        @Override public String getAwsRequestId() { return "request-1"; }
        @Override public String getLogGroupName() { return "/aws/lambda/ExampleFunction"; }
        @Override public String getLogStreamName() { return "stream"; }
        @Override public String getFunctionName() { return "ExampleFunction"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-1:123456789012:function:ExampleFunction"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 10_000; }
        @Override public int getMemoryLimitInMB() { return 512; }
        @Override public LambdaLogger getLogger() { return null; }
    }
}
