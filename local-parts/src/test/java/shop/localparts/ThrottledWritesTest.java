package shop.localparts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.localparts.TransactionalDynaliteTest.freshTable;
import static shop.localparts.TransactionalDynaliteTest.get;
import static shop.localparts.TransactionalDynaliteTest.item;
import static shop.localparts.TransactionalDynaliteTest.s;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The local DynamoDB's per-item write rate (a hot partition in AWS), as the AWS SDK sees it: the exception, its
 * throttling reason, a transaction's cancellation reasons, and the SDK's own retries getting the write through.
 */
class ThrottledWritesTest {

    private static TransactionalDynalite front;
    private static DynamoDbClient noRetries;
    private String table;

    @BeforeAll
    static void start() {
        front = TransactionalDynalite.start();
        noRetries = client(1);
    }

    @AfterAll
    static void stop() {
        noRetries.close();
        front.close();
    }

    @BeforeEach
    void limitOff() {
        front.limitItemWrites(0);
        table = freshTable(noRetries);
    }

    static DynamoDbClient client(int attempts) {
        return DynamoDbClient.builder().endpointOverride(URI.create(front.endpoint())).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(attempts).build()))
                .build();
    }

    @Test
    void a_hot_item_past_its_rate_is_throttled_as_aws_answers_and_another_item_is_not() {
        front.limitItemWrites(0.1); // 2 units, then one every 10 s
        long before = front.throttledWrites();
        noRetries.putItem(b -> b.tableName(table).item(item("hot", 1)));
        noRetries.updateItem(b -> b.tableName(table).key(Map.of("pk", s("hot"))).updateExpression("SET available = :n")
                .expressionAttributeValues(Map.of(":n", TransactionalDynaliteTest.n(2))));

        ProvisionedThroughputExceededException throttled = assertThrows(ProvisionedThroughputExceededException.class,
                () -> noRetries.deleteItem(b -> b.tableName(table).key(Map.of("pk", s("hot")))));
        assertEquals(400, throttled.statusCode());
        assertTrue(throttled.isThrottlingException(), "the SDK must see it as a throttle, which it retries with backoff");
        List<ThrottlingReason> reasons = throttled.throttlingReasons();
        assertEquals(1, reasons.size());
        assertEquals("TableWriteKeyRangeThroughputExceeded", reasons.get(0).reason());
        assertEquals("arn:aws:dynamodb:eu-west-1:000000000000:table/" + table, reasons.get(0).resource());
        assertEquals("2", get(noRetries, table, "hot").get("available").n(), "the throttled delete changed nothing");
        assertEquals(before + 1, front.throttledWrites());

        noRetries.putItem(b -> b.tableName(table).item(item("cold", 1)));
        assertEquals("1", get(noRetries, table, "cold").get("available").n());
        noRetries.getItem(b -> b.tableName(table).key(Map.of("pk", s("hot")))); // reads are not limited
    }

    @Test
    void a_transaction_on_a_throttled_item_is_cancelled_with_throttling_error_there_and_applies_nothing() {
        front.limitItemWrites(0.1);
        noRetries.transactWriteItems(b -> b.transactItems(put(table, "a"), put(table, "b"))); // 2 units of each
        TransactionCanceledException cancelled = assertThrows(TransactionCanceledException.class,
                () -> noRetries.transactWriteItems(b -> b.transactItems(put(table, "c"), put(table, "a"))));
        assertEquals(List.of("None", "ThrottlingError"), cancelled.cancellationReasons().stream().map(CancellationReason::code).toList());
        assertNull(get(noRetries, table, "c"), "nothing of a throttled transaction is applied");
    }

    @Test
    void the_sdks_own_retries_get_a_throttled_write_through() {
        front.limitItemWrites(20); // 20 units of one second, then one every 50 ms
        try (DynamoDbClient retrying = client(10)) {
            for (int i = 0; i < 30; i++) {
                int value = i;
                retrying.putItem(b -> b.tableName(table).item(item("hot", value)));
            }
            assertEquals("29", get(retrying, table, "hot").get("available").n());
        }
        assertTrue(front.throttledWrites() > 0, "30 writes in well under 1.5 s must meet the limit at least once");
    }

    private static TransactWriteItem put(String table, String pk) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item(pk, 1))).build();
    }
}
