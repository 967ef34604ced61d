package shop.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.common.Quotas;
import shop.localcloud.sqs.LocalSqs;
import shop.localparts.LocalAwsClients;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ThrottleReason;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * AWS's quotas, enforced by local-cloud when asked: each answers a client as AWS does (status, error code, what the
 * SDK makes of it), drops nothing it accepted, and is counted for the flow, the console and {@link CloudView#throttled}.
 */
class QuotasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                MemorySize: 256
                Timeout: 10
            Resources:
              QuotaBus:
                Type: AWS::Events::EventBus
                Properties: { Name: quota-bus }
              QuotaApi:
                Type: AWS::Serverless::HttpApi
                Properties:
                  DefaultRouteSettings:
                    ThrottlingRateLimit: 1
                    ThrottlingBurstLimit: 2
              QuotaTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
                  KeySchema: [{ AttributeName: pk, KeyType: HASH }]
              QuotaDeadLetterQueue:
                Type: AWS::SQS::Queue
              HelloFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: JAR
                  Handler: shop.localcloud.fixtures.HelloHandler::handleRequest
                  Events:
                    Hello:
                      Type: HttpApi
                      Properties: { ApiId: !Ref QuotaApi, Path: /hello, Method: GET }
                    Greetings:
                      Type: EventBridgeRule
                      Properties:
                        EventBusName: !Ref QuotaBus
                        Pattern: { source: [quota.test] }
              SleepyFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: JAR
                  Handler: shop.localcloud.fixtures.SleepingHandler::handleRequest
                  ReservedConcurrentExecutions: 1
                  Events:
                    Sleepy:
                      Type: HttpApi
                      Properties: { ApiId: !Ref QuotaApi, Path: /sleepy, Method: GET }
              SharedSleepyFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: JAR
                  Handler: shop.localcloud.fixtures.SleepingHandler::handleRequest
              DisabledFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: JAR
                  Handler: shop.localcloud.fixtures.HelloHandler::handleRequest
                  ReservedConcurrentExecutions: 0
                  EventInvokeConfig:
                    MaximumRetryAttempts: 2
                    MaximumEventAgeInSeconds: 60
                    DestinationConfig:
                      OnFailure: { Type: SQS, Destination: !GetAtt QuotaDeadLetterQueue.Arn }
            """;

    @TempDir
    static Path dir;
    static TestSystem system;
    static CloudView cloud;

    /**
     * 2 PutEvents a second; SES 1 email a second; 2 write units an item; the stage throttle; 3 executions an account, of
     * which SleepyFunction reserves 1 (and DisabledFunction 0): 2 for HelloFunction and SharedSleepyFunction together.
     */
    @BeforeAll
    static void start() {
        Quotas quotas = Quotas.NONE.withPutEventsPerSecond(2).withSes(1, 0).withItemWriteUnitsPerSecond(2).withApiStageThrottle()
                .withAccountConcurrency(3);
        system = new TestSystem(dir, TEMPLATE, options -> options.withQuotas(quotas));
        cloud = system.cloud;
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void put_events_beyond_its_rate_is_a_throttling_exception_for_the_sdk_and_puts_nothing_of_that_call_on_the_bus() throws Exception {
        String marker = UUID.randomUUID().toString();
        long before = cloud.throttled("putEvents");
        List<EventBridgeException> refusals = new ArrayList<>();
        int accepted = 0;
        try (EventBridgeClient events = LocalAwsClients.at(EventBridgeClient.builder(), cloud.eventsEndpoint())) {
            // on a loaded machine a call can take a while: put until two were refused (2 a second: a handful at most)
            for (int i = 0; i < 30 && refusals.size() < 2; i++) {
                try {
                    PutEventsResponse response = events.putEvents(b -> b.entries(PutEventsRequestEntry.builder().eventBusName("quota-bus")
                            .source("quota.test").detailType("Burst").detail("{\"marker\":\"" + marker + "\"}").build()));
                    assertEquals(0, response.failedEntryCount());
                    accepted++;
                } catch (EventBridgeException refused) {
                    refusals.add(refused);
                }
            }
        }
        system.settle();

        assertEquals(2, refusals.size(), "calls back to back against 2 a second: " + accepted + " accepted");
        for (EventBridgeException refused : refusals) {
            assertEquals(400, refused.statusCode());
            assertEquals("ThrottlingException", refused.awsErrorDetails().errorCode());
            assertEquals("Rate exceeded", refused.awsErrorDetails().errorMessage());
            assertTrue(refused.isThrottlingException(), "the SDK retries it with backoff");
        }
        assertEquals(accepted, system.flowLinesContaining("EVENT", "Burst", "quota-bus"), "only the accepted calls' events");
        assertEquals(accepted, system.flowLinesContaining("DELIVER", "HelloFunction <- Burst"));
        assertEquals(refusals.size(), cloud.throttled("putEvents") - before);
        awaitFlowLine("THROTTLE", "putEvents: ");
    }

    @Test
    void the_stage_throttle_answers_429_too_many_requests_without_retry_after_and_never_a_5xx() throws Exception {
        long before = cloud.throttled("api");
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            burst.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(cloud.httpUrl() + "/hello")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        int throttled = 0;
        for (CompletableFuture<HttpResponse<String>> request : burst) {
            HttpResponse<String> response = request.get();
            assertTrue(response.statusCode() == 200 || response.statusCode() == 429, response.statusCode() + " " + response.body());
            if (response.statusCode() == 429) {
                throttled++;
                assertEquals("{\"message\":\"Too Many Requests\"}", response.body());
                assertTrue(response.headers().firstValue("Retry-After").isEmpty(), "API Gateway sends no Retry-After");
            }
        }
        assertTrue(throttled >= 3, "10 at once against a burst of 2 and 1 a second: " + throttled + " throttled");
        assertEquals(throttled, cloud.throttled("api") - before);
        HttpResponse<String> otherRoute = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.httpUrl() + "/nowhere")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, otherRoute.statusCode(), "a request no route takes is not counted against any route");
        awaitFlowLine("THROTTLE", "api: ");
    }

    @Test
    void past_reserved_concurrency_a_sync_invoke_is_refused_with_429_and_async_events_wait_without_using_a_retry() throws Exception {
        long before = cloud.throttled("lambda:SleepyFunction");
        // SleepingHandler sleeps as many seconds as the event's digits say: the names carry none
        String marker = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        cloud.invokeAsync("SleepyFunction", JSON.createObjectNode().put("sleep", 2).put("detail-type", "first-" + marker));

        try (LambdaClient lambda = LocalAwsClients.at(LambdaClient.builder(), cloud.edgeEndpoint())) {
            TooManyRequestsException refused = assertThrows(TooManyRequestsException.class, () -> lambda.invoke(b -> b
                    .functionName("SleepyFunction").payload(SdkBytes.fromUtf8String("{\"sleep\":0}"))));
            assertEquals(429, refused.statusCode());
            assertEquals("Rate Exceeded.", refused.awsErrorDetails().errorMessage());
            assertEquals(ThrottleReason.RESERVED_FUNCTION_CONCURRENT_INVOCATION_LIMIT_EXCEEDED, refused.reason());
            assertTrue(refused.isThrottlingException());
            assertEquals(1, lambda.getFunction(b -> b.functionName("SleepyFunction")).concurrency().reservedConcurrentExecutions());
        }
        HttpResponse<String> throughTheApi = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.httpUrl() + "/sleepy")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(500, throughTheApi.statusCode(), "API Gateway answers a throttled Lambda integration as any integration failure");
        assertEquals("{\"message\":\"Internal Server Error\"}", throughTheApi.body());
        cloud.invokeAsync("SleepyFunction", JSON.createObjectNode().put("sleep", 0).put("detail-type", "second-" + marker));
        cloud.invokeAsync("SleepyFunction", JSON.createObjectNode().put("sleep", 0).put("detail-type", "third-" + marker));
        system.settle();

        for (String event : List.of("first-", "second-", "third-")) {
            assertEquals(1, system.flowLinesContaining("DELIVER", "SleepyFunction <- " + event + marker, "attempt 1/3"),
                    event + " ran once, on its first attempt: a throttle is not a retry");
        }
        assertEquals(0, system.flowLinesContaining("FAILED", "SleepyFunction"));
        assertEquals(4, cloud.throttled("lambda:SleepyFunction") - before, "1 Invoke and 1 HTTP request refused, 2 events waited");
        awaitFlowLine("THROTTLE", "lambda:SleepyFunction: ");
    }

    @Test
    void past_the_account_concurrency_a_function_without_reservation_is_refused_with_concurrent_invocation_limit_exceeded()
            throws Exception {
        long before = cloud.throttled("lambda:HelloFunction");
        // the account's 2 unreserved executions
        cloud.invokeAsync("SharedSleepyFunction", JSON.createObjectNode().put("sleep", 3));
        cloud.invokeAsync("SharedSleepyFunction", JSON.createObjectNode().put("sleep", 3));
        try (LambdaClient lambda = LocalAwsClients.at(LambdaClient.builder(), cloud.edgeEndpoint())) {
            TooManyRequestsException refused = assertThrows(TooManyRequestsException.class, () -> lambda.invoke(b -> b
                    .functionName("HelloFunction").payload(SdkBytes.fromUtf8String("{}"))));
            assertEquals(429, refused.statusCode());
            assertEquals(ThrottleReason.CONCURRENT_INVOCATION_LIMIT_EXCEEDED, refused.reason());
            system.settle();
            assertEquals(200, lambda.invoke(b -> b.functionName("HelloFunction").payload(SdkBytes.fromUtf8String("{}"))).statusCode(),
                    "the execution is free again once the other function's invocation ended");
        }
        assertEquals(1, cloud.throttled("lambda:HelloFunction") - before);
    }

    @Test
    void an_event_throttled_past_its_maximum_age_goes_to_the_on_failure_destination_as_event_age_exceeded() throws Exception {
        String marker = UUID.randomUUID().toString();
        cloud.invokeAsync("DisabledFunction", JSON.createObjectNode().put("marker", marker)); // reserved 0: always throttled
        system.settle();

        assertEquals(0, system.flowLinesContaining("DELIVER", "DisabledFunction"));
        assertEquals(0, system.flowLinesContaining("FAILED", "DisabledFunction"));
        JsonNode record = onFailureRecord(marker);
        assertEquals("EventAgeExceeded", record.path("requestContext").path("condition").asText());
        assertEquals(0, record.path("requestContext").path("approximateInvokeCount").asInt(), "it never ran");
        assertEquals(1, cloud.throttled("lambda:DisabledFunction"));
    }

    @Test
    void ses_past_its_send_rate_refuses_with_429_and_does_not_send() {
        long before = cloud.throttled("ses");
        int sent = cloud.emails().size();
        int accepted = 0;
        software.amazon.awssdk.services.sesv2.model.TooManyRequestsException refused = null;
        try (SesV2Client ses = LocalAwsClients.at(SesV2Client.builder(), cloud.sdkEndpoints().sesV2())) {
            for (int i = 0; i < 20 && refused == null; i++) { // 1 a second: the second one back to back, unless the machine is slow
                try {
                    ses.sendEmail(b -> b.fromEmailAddress("shop@example.com").destination(d -> d.toAddresses("one@example.com"))
                            .content(c -> c.simple(m -> m.subject(t -> t.data("hello")).body(x -> x.text(t -> t.data("hello"))))));
                    accepted++;
                } catch (software.amazon.awssdk.services.sesv2.model.TooManyRequestsException e) {
                    refused = e;
                }
            }
        }
        assertTrue(refused != null, accepted + " emails sent back to back at 1 a second, none refused");
        assertEquals(429, refused.statusCode());
        assertEquals("Maximum sending rate exceeded.", refused.awsErrorDetails().errorMessage());
        assertEquals(sent + accepted, cloud.emails().size(), "the refused email was not sent");
        assertEquals(1, cloud.throttled("ses") - before);
    }

    @Test
    void a_hot_item_past_its_write_units_is_refused_with_provisioned_throughput_exceeded() {
        long before = cloud.throttled("dynamodb");
        String table = cloud.tables().get("QuotaTable");
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("hot-" + UUID.randomUUID()));
        assertTrue(refusedWrite(table, item).isThrottlingException(), "the SDKs retry it with backoff");
        assertEquals(1, cloud.throttled("dynamodb") - before);
    }

    @Test
    void the_console_lists_the_throttles_by_part() throws Exception {
        refusedWrite(cloud.tables().get("QuotaTable"), Map.of("pk", AttributeValue.fromS("console-" + UUID.randomUUID())));
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.edgeEndpoint() + "/console/api/throttles")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode());
        JsonNode counts = JSON.readTree(page.body()).path("throttles");
        assertEquals(cloud.throttled("dynamodb"), counts.path("dynamodb").asLong(), page.body());
        assertTrue(counts.path("dynamodb").asLong() >= 1, page.body());
    }

    @Test
    void the_banner_says_which_quotas_are_enforced_as_their_flags_set_them() {
        assertEquals("PutEvents 50/s, SES 5 emails/s, DynamoDB 40 write units/s per item, the HTTP API stage throttle",
                Banner.quotas(Quotas.NONE.withPutEventsPerSecond(50).withSes(5, 0).withItemWriteUnitsPerSecond(40).withApiStageThrottle()));
        assertEquals("PutEvents 0.5/s, SES 200 emails/day, Lambda 10 concurrent executions",
                Banner.quotas(Quotas.NONE.withPutEventsPerSecond(0.5).withSes(0, 200).withAccountConcurrency(10)));
    }

    /** Writes {@code item} back to back until one write is refused (2 units a second: the third, unless the machine is slow). */
    private static ProvisionedThroughputExceededException refusedWrite(String table, Map<String, AttributeValue> item) {
        try (DynamoDbClient dynamo = LocalAwsClients.at(DynamoDbClient.builder(), cloud.dynamoDbEndpoint())) {
            for (int i = 0; i < 20; i++) {
                try {
                    dynamo.putItem(b -> b.tableName(table).item(item));
                } catch (ProvisionedThroughputExceededException refused) {
                    return refused;
                }
            }
        }
        throw new AssertionError("20 writes to one item back to back at 2 units a second, none refused");
    }

    private static JsonNode onFailureRecord(String marker) throws Exception {
        try (SqsClient sqs = LocalSqs.client(cloud.sqsEndpoint())) {
            String url = sqs.getQueueUrl(b -> b.queueName("QuotaDeadLetterQueue")).queueUrl();
            for (int i = 0; i < 5; i++) {
                for (Message message : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                    JsonNode body = JSON.readTree(message.body());
                    if (body.path("requestPayload").path("marker").asText().equals(marker)) {
                        return body;
                    }
                }
            }
        }
        throw new AssertionError("no on-failure record for " + marker + " in QuotaDeadLetterQueue: " + system.flowLines());
    }

    /** THROTTLE lines are written once a second: waits up to 5 s for one with {@code text}. */
    private static void awaitFlowLine(String kind, String text) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (system.flowLinesContaining(kind, text) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + kind + " line with '" + text + "' in " + system.flowLines());
            }
            Thread.sleep(100);
        }
    }
}
