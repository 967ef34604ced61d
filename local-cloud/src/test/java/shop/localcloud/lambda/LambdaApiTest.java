package shop.localcloud.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.AwsClients;
import shop.localcloud.TestSystem;
import shop.localparts.LocalAwsClients;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Lambda's API through the edge endpoint: every invocation runs the function's jar under the RIC, as any other does. */
class LambdaApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestSystem system;
    static LambdaClient lambda;

    @BeforeAll
    static void start() {
        system = new TestSystem(dir);
        lambda = LocalAwsClients.retrying(LambdaClient.builder(), system.cloud.edgeEndpoint());
    }

    @AfterAll
    static void stop() {
        lambda.close();
        system.close();
    }

    @Test
    void a_request_response_invoke_returns_the_functions_answer_and_its_log_tail() throws Exception {
        InvokeResponse response = lambda.invoke(b -> b.functionName("HelloFunction").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"from\":\"sdk\"}")));

        assertEquals(200, response.statusCode());
        assertNull(response.functionError());
        assertEquals("$LATEST", response.executedVersion());
        JsonNode answer = JSON.readTree(response.payload().asUtf8String());
        assertEquals("sdk", answer.path("hello").path("from").asText());
        assertEquals("HelloFunction", answer.path("function").asText());
        String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        assertTrue(log.startsWith("START RequestId: " + answer.path("requestId").asText()), log);
        assertTrue(log.contains("received {\"from\":\"sdk\"}"), "the function's own output: " + log);
        assertTrue(log.contains("REPORT RequestId: " + answer.path("requestId").asText()), log);
    }

    @Test
    void a_function_error_is_a_200_with_x_amz_function_error() throws Exception {
        InvokeResponse response = lambda.invoke(b -> b.functionName("arn:aws:lambda:eu-west-1:123456789012:function:FailingFunction")
                .payload(SdkBytes.fromUtf8String("{}")));

        assertEquals(200, response.statusCode());
        assertEquals("Unhandled", response.functionError());
        assertEquals("cannot process this event", JSON.readTree(response.payload().asUtf8String()).path("errorMessage").asText());
    }

    @Test
    void an_event_invoke_is_queued_and_delivered_asynchronously_and_dry_run_runs_nothing() throws Exception {
        long before = system.flowLinesContaining("DELIVER", "HelloFunction <- ", "(Invoke)", "ok");

        assertEquals(202, lambda.invoke(b -> b.functionName("HelloFunction").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"async\":true}"))).statusCode());
        system.settle();
        assertEquals(before + 1, system.flowLinesContaining("DELIVER", "HelloFunction <- ", "(Invoke)", "ok"));

        assertEquals(204, lambda.invoke(b -> b.functionName("HelloFunction").invocationType(InvocationType.DRY_RUN)).statusCode());
        system.settle();
        assertEquals(before + 1, system.flowLinesContaining("DELIVER", "HelloFunction <- ", "(Invoke)", "ok"));
    }

    @Test
    void an_unknown_function_is_resource_not_found() {
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> lambda.invoke(b -> b.functionName("NoSuchFunction").payload(SdkBytes.fromUtf8String("{}"))));
        assertEquals(404, missing.statusCode());
        assertThrows(ResourceNotFoundException.class, () -> lambda.getFunction(b -> b.functionName("NoSuchFunction")));
    }

    @Test
    void functions_are_listed_and_described_from_the_template() throws Exception {
        List<String> names = lambda.listFunctions().functions().stream().map(FunctionConfiguration::functionName).toList();
        assertEquals(system.cloud.spec().functions().stream().map(f -> f.logicalId()).toList(), names);

        GetFunctionResponse hello = lambda.getFunction(b -> b.functionName("HelloFunction"));
        FunctionConfiguration config = hello.configuration();
        assertEquals("arn:aws:lambda:eu-west-1:123456789012:function:HelloFunction", config.functionArn());
        assertEquals("shop.localcloud.fixtures.HelloHandler::handleRequest", config.handler());
        assertEquals(256, config.memorySize(), "Globals.Function.MemorySize");
        assertEquals(5, config.timeout(), "Globals.Function.Timeout");
        assertEquals("eu-west-1/TestTable/shop-test-bus/test", config.environment().variables().get("GREETING"));
        assertEquals("global", config.environment().variables().get("FROM_GLOBALS"));
        Path jar = system.cloud.spec().function("HelloFunction").artifact();
        assertEquals(Files.size(jar), config.codeSize());
        assertEquals(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar))), config.codeSha256());
    }

    @Test
    void the_aws_cli_invokes_lists_and_describes() throws Exception {
        assumeTrue(AwsClients.cliPresent(), "the aws command is not on the PATH");
        String edge = system.cloud.edgeEndpoint();
        Path out = dir.resolve("cli-invoke.json");

        AwsClients.CliResult invoked = AwsClients.cli(edge, dir, "lambda", "invoke", "--function-name", "FailingFunction",
                "--payload", "{\"from\":\"cli\"}", "--log-type", "Tail", out.toString());
        assertEquals(0, invoked.exitCode(), invoked.stderr());
        assertEquals("Unhandled", invoked.json().path("FunctionError").asText(), invoked.stdout());
        assertTrue(new String(Base64.getDecoder().decode(invoked.json().path("LogResult").asText()), StandardCharsets.UTF_8).contains("START RequestId"));
        assertEquals("cannot process this event", JSON.readTree(Files.readString(out)).path("errorMessage").asText());

        AwsClients.CliResult listed = AwsClients.cli(edge, dir, "lambda", "list-functions");
        assertEquals(0, listed.exitCode(), listed.stderr());
        assertEquals(system.cloud.spec().functions().size(), listed.json().path("Functions").size(), listed.stdout());

        AwsClients.CliResult got = AwsClients.cli(edge, dir, "lambda", "get-function", "--function-name", "SeedFunction");
        assertEquals("shop.localcloud.fixtures.SeedHandler::handleRequest", got.json().path("Configuration").path("Handler").asText(), got.stdout());
    }
}
