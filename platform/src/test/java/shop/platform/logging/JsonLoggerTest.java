package shop.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import shop.platform.json.Json;
import shop.testsupport.CapturedStdout;
import shop.testsupport.LambdaTestContext;

class JsonLoggerTest {

    private final Logger log = LoggerFactory.getLogger("shop.test.Example");

    @Test
    void slf4j_is_bound_to_the_json_logger() {
        assertInstanceOf(JsonLogger.class, log);
    }

    @Test
    void a_line_is_one_json_object_with_the_message_the_invocation_fields_and_the_key_values() throws Exception {
        LambdaTestContext context = new LambdaTestContext("ExampleFunction");
        List<JsonNode> lines = capture(() -> LambdaLogging.withCorrelationId(context, "corr-1", () -> {
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
        assertEquals(context.getAwsRequestId(), line.path("function_request_id").asText());
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
                LambdaLogging.withCorrelationId(new LambdaTestContext("ExampleFunction"), "c", () -> {
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
        List<String> written;
        try (CapturedStdout stdout = CapturedStdout.attach()) {
            logging.run();
            written = stdout.lines();
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : written) {
            lines.add(Json.read(line));
        }
        return lines;
    }
}
