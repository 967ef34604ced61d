package shop.localcloud.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.AwsClients;
import shop.localcloud.TestSystem;
import shop.localparts.LocalAwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** One endpoint for every AWS API local-cloud serves: the SDK clients and the CLI reach each service through it. */
class EdgeEndpointTest {

    @TempDir
    static Path dir;
    static TestSystem system;

    @BeforeAll
    static void start() {
        system = new TestSystem(dir);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void each_sdk_client_reaches_its_service_through_the_one_endpoint() throws Exception {
        String edge = system.cloud.edgeEndpoint();
        try (EventBridgeClient events = LocalAwsClients.retrying(EventBridgeClient.builder(), edge);
             DynamoDbClient dynamo = LocalAwsClients.retrying(DynamoDbClient.builder(), edge);
             SqsClient sqs = LocalAwsClients.retrying(SqsClient.builder(), edge);
             SesV2Client ses = LocalAwsClients.retrying(SesV2Client.builder(), edge)) {
            PutEventsResponse put = events.putEvents(b -> b.entries(PutEventsRequestEntry.builder().eventBusName("shop-test-bus").source("test.app")
                    .detailType("Greeting").detail("{\"to\":\"edge\"}").build()));
            assertEquals(0, put.failedEntryCount());
            system.settle();
            assertEquals(1, system.flowLinesContaining("DELIVER", "HelloFunction <- Greeting", "ok"));

            assertTrue(dynamo.listTables().tableNames().contains("TestTable"));
            assertTrue(sqs.listQueues().queueUrls().stream().anyMatch(u -> u.endsWith("/FailingDeadLetterQueue")));

            ses.sendEmail(b -> b.fromEmailAddress("shop@example.com").destination(d -> d.toAddresses("edge@example.com"))
                    .content(c -> c.simple(m -> m.subject(s -> s.data("via the edge")).body(x -> x.text(t -> t.data("hello"))))));
            assertEquals("via the edge", system.cloud.emailsTo("edge@example.com").get(0).subject());
        }
    }

    @Test
    void a_service_local_cloud_does_not_emulate_is_refused_by_name() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(system.cloud.edgeEndpoint() + "/"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/eu-west-1/s3/aws4_request, SignedHeaders=host, Signature=00")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("'s3'"), response.body());
    }

    @Test
    void an_unsigned_request_is_told_what_the_endpoint_needs() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(system.cloud.edgeEndpoint()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("AWS_ENDPOINT_URL"), response.body());
    }

    @Test
    void the_aws_cli_needs_only_aws_endpoint_url() throws Exception {
        assumeTrue(AwsClients.cliPresent(), "the aws command is not on the PATH");
        String edge = system.cloud.edgeEndpoint();

        AwsClients.CliResult tables = AwsClients.cli(edge, dir, "dynamodb", "list-tables");
        assertEquals(0, tables.exitCode(), tables.stderr());
        assertTrue(tables.json().path("TableNames").toString().contains("TestTable"), tables.stdout());

        // AWS CLI v1 pins SQS to its legacy hostnames (customizations/overridesslcommonname.py) and ignores
        // AWS_ENDPOINT_URL for it: --endpoint-url is still needed there
        AwsClients.CliResult queues = AwsClients.cli(edge, dir, "sqs", "list-queues", "--endpoint-url", edge);
        assertEquals(0, queues.exitCode(), queues.stderr());
        assertTrue(queues.stdout().contains("FailingDeadLetterQueue"), queues.stdout());

        AwsClients.CliResult put = AwsClients.cli(edge, dir, "events", "put-events", "--entries",
                "[{\"EventBusName\":\"shop-test-bus\",\"Source\":\"test.app\",\"DetailType\":\"Greeting\",\"Detail\":\"{\\\"to\\\":\\\"cli\\\"}\"}]");
        assertEquals(0, put.exitCode(), put.stderr());
        assertEquals(0, put.json().path("FailedEntryCount").asInt(), put.stdout());
    }

    @Test
    void fifty_transactions_racing_through_the_edge_take_exactly_the_ten_units_there_are() throws Exception {
        try (DynamoDbClient dynamo = LocalAwsClients.retrying(DynamoDbClient.builder(), system.cloud.edgeEndpoint())) {
            for (int round = 0; round < 3; round++) {
                String sku = "sku-" + round;
                dynamo.putItem(b -> b.tableName("TestTable").item(Map.of("pk", s(sku), "available", AttributeValue.fromN("10"))));
                for (int i = 1; i < 50; i += 2) { // every other racer claimed before: its decrement must be rolled back
                    String claim = sku + "-claim-" + i;
                    dynamo.putItem(b -> b.tableName("TestTable").item(Map.of("pk", s(claim), "earlier", s("yes"))));
                }
                CountDownLatch go = new CountDownLatch(1);
                AtomicInteger taken = new AtomicInteger();
                List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
                List<Thread> racers = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    String claim = sku + "-claim-" + i;
                    Thread racer = new Thread(() -> {
                        try {
                            go.await();
                            dynamo.transactWriteItems(b -> b.transactItems(
                                    TransactWriteItem.builder().update(u -> u.tableName("TestTable").key(Map.of("pk", s(sku)))
                                            .updateExpression("SET available = available - :one").conditionExpression("available >= :one")
                                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build(),
                                    TransactWriteItem.builder().put(p -> p.tableName("TestTable").item(Map.of("pk", s(claim)))
                                            .conditionExpression("attribute_not_exists(pk)")).build()));
                            taken.incrementAndGet();
                        } catch (TransactionCanceledException lost) {
                            // sold out, or claimed before
                        } catch (Throwable t) {
                            unexpected.add(t);
                        }
                    });
                    racer.start();
                    racers.add(racer);
                }
                go.countDown();
                for (Thread racer : racers) {
                    racer.join();
                }

                assertEquals(List.of(), unexpected);
                assertEquals(10, taken.get(), "round " + round);
                assertEquals("0", dynamo.getItem(b -> b.tableName("TestTable").key(Map.of("pk", s(sku))).consistentRead(true))
                        .item().get("available").n(), "round " + round);
                long newClaims = dynamo.scan(b -> b.tableName("TestTable").consistentRead(true)).items().stream()
                        .filter(item -> item.get("pk").s().startsWith(sku + "-claim-") && !item.containsKey("earlier")).count();
                assertEquals(10, newClaims, "round " + round);
            }
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
