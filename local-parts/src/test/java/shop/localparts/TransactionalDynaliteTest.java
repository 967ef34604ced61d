package shop.localparts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The local DynamoDB's transactions and TTL, through the AWS SDK, as code written for AWS sees them. */
class TransactionalDynaliteTest {

    private static TransactionalDynalite front;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        front = TransactionalDynalite.start(Duration.ofMillis(200));
        client = TemplateTables.localClient(front.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        front.close();
    }

    static String freshTable(DynamoDbClient client) {
        String name = "t-" + UUID.randomUUID();
        client.createTable(b -> b.tableName(name).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType("HASH").build()));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"ACTIVE".equals(client.describeTable(b -> b.tableName(name)).table().tableStatusAsString())) {
            assertTrue(System.nanoTime() < deadline, "table never became ACTIVE");
        }
        return name;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static Map<String, AttributeValue> item(String pk, long available) {
        return Map.of("pk", s(pk), "available", n(available));
    }

    static Map<String, AttributeValue> get(DynamoDbClient client, String table, String pk) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(Map.of("pk", s(pk))).consistentRead(true)).item();
        return item.isEmpty() ? null : item;
    }

    static TransactWriteItem decrement(String table, String pk) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(Map.of("pk", s(pk)))
                .updateExpression("SET available = available - :one").conditionExpression("available >= :one")
                .expressionAttributeValues(Map.of(":one", n(1)))).build();
    }

    static TransactWriteItem claim(String table, String pk) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of("pk", s(pk)))
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    @Test
    void a_successful_transaction_applies_every_action() {
        String table = freshTable(client);
        client.putItem(b -> b.tableName(table).item(item("stock", 2)));
        client.putItem(b -> b.tableName(table).item(item("gone", 0)));

        client.transactWriteItems(b -> b.transactItems(decrement(table, "stock"), claim(table, "claim-1"),
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(Map.of("pk", s("gone")))).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(Map.of("pk", s("nothing")))
                        .conditionExpression("attribute_not_exists(pk)")).build()));

        assertEquals("1", get(client, table, "stock").get("available").n());
        assertEquals(Map.of("pk", s("claim-1")), get(client, table, "claim-1"));
        assertNull(get(client, table, "gone"));
        assertNull(get(client, table, "nothing"), "a ConditionCheck writes nothing");
    }

    @Test
    void a_failing_condition_leaves_every_item_as_it_was() {
        String table = freshTable(client);
        client.putItem(b -> b.tableName(table).item(item("stock", 1)));
        client.putItem(b -> b.tableName(table).item(item("kept", 7)));
        client.putItem(b -> b.tableName(table).item(item("taken", 0)));

        assertThrows(TransactionCanceledException.class, () -> client.transactWriteItems(b -> b.transactItems(
                decrement(table, "stock"), claim(table, "claim-1"),
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(Map.of("pk", s("kept")))).build(),
                claim(table, "taken"))));

        assertEquals(item("stock", 1), get(client, table, "stock"));
        assertNull(get(client, table, "claim-1"));
        assertEquals(item("kept", 7), get(client, table, "kept"));
        assertEquals(item("taken", 0), get(client, table, "taken"));
    }

    @Test
    void no_read_ever_sees_an_item_of_a_transaction_that_was_put_back() throws Exception {
        // a refused transaction writes its claim, then puts it back; only the item locks keep readers from seeing it
        String table = freshTable(client);
        client.putItem(b -> b.tableName(table).item(item("empty", 0)));
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            boolean scan = r % 2 == 0;
            Thread reader = new Thread(() -> {
                while (!done.get()) {
                    boolean dirty = scan ? client.scan(b -> b.tableName(table).consistentRead(true)).items().stream()
                            .anyMatch(i -> i.get("pk").s().equals("dirty")) : get(client, table, "dirty") != null;
                    reads.incrementAndGet();
                    if (dirty) {
                        seen.incrementAndGet();
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        for (int i = 0; i < 150; i++) {
            assertThrows(TransactionCanceledException.class,
                    () -> client.transactWriteItems(b -> b.transactItems(claim(table, "dirty"), decrement(table, "empty"))));
        }
        done.set(true);
        for (Thread reader : readers) {
            reader.join();
        }

        assertTrue(reads.get() > 100, "the readers ran alongside: " + reads.get() + " reads");
        assertEquals(0, seen.get(), "reads that saw the claim of a refused transaction, of " + reads.get());
    }

    @Test
    void cancellation_reasons_name_each_action_in_order() {
        String table = freshTable(client);
        client.putItem(b -> b.tableName(table).item(item("empty", 0)));
        client.putItem(b -> b.tableName(table).item(item("taken", 3)));

        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> client.transactWriteItems(b -> b
                .transactItems(claim(table, "free"), decrement(table, "empty"),
                        TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of("pk", s("taken")))
                                .conditionExpression("attribute_not_exists(pk)")
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())));

        assertEquals(List.of("None", "ConditionalCheckFailed", "ConditionalCheckFailed"),
                e.cancellationReasons().stream().map(CancellationReason::code).toList());
        assertEquals("The conditional request failed", e.cancellationReasons().get(1).message());
        assertTrue(e.cancellationReasons().get(1).item().isEmpty(), "no ALL_OLD asked for the second action");
        assertEquals(item("taken", 3), e.cancellationReasons().get(2).item());
        assertTrue(e.getMessage().contains("[None, ConditionalCheckFailed, ConditionalCheckFailed]"), e.getMessage());
        assertNull(get(client, table, "free"));
    }

    @Test
    void two_actions_on_one_item_are_refused() {
        String table = freshTable(client);
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item("x", 1))).build(), decrement(table, "x"))));

        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertTrue(e.getMessage().contains("Transaction request cannot include multiple operations on one item"), e.getMessage());
        assertNull(get(client, table, "x"));
    }

    @Test
    void more_than_100_actions_are_refused() {
        String table = freshTable(client);
        List<TransactWriteItem> actions = IntStream.range(0, 101).mapToObj(i -> claim(table, "claim-" + i)).toList();

        DynamoDbException e = assertThrows(DynamoDbException.class, () -> client.transactWriteItems(b -> b.transactItems(actions)));

        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        assertTrue(e.getMessage().contains("transactItems") && e.getMessage().contains("less than or equal to 100"), e.getMessage());
        assertNull(get(client, table, "claim-0"));
        client.transactWriteItems(b -> b.transactItems(actions.subList(0, 100)));
        assertEquals(100, client.scan(b -> b.tableName(table)).count());
    }

    @Test
    void an_invalid_action_fails_the_whole_request_with_its_error() {
        String table = freshTable(client);
        DynamoDbException invalid = assertThrows(DynamoDbException.class, () -> client.transactWriteItems(b -> b.transactItems(
                claim(table, "claim-1"),
                TransactWriteItem.builder().update(u -> u.tableName(table).key(Map.of("pk", s("x")))
                        .updateExpression("SET available = :undeclared")).build())));
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () -> client.transactWriteItems(b -> b
                .transactItems(claim(table, "claim-2"), claim("no-such-table", "claim-3"))));

        assertEquals("ValidationException", invalid.awsErrorDetails().errorCode());
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
        assertNull(get(client, table, "claim-1"));
        assertNull(get(client, table, "claim-2"));
    }

    @Test
    void a_retry_with_the_same_token_succeeds_without_applying_again() {
        String table = freshTable(client);
        client.putItem(b -> b.tableName(table).item(item("stock", 5)));
        String token = UUID.randomUUID().toString();

        client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(decrement(table, "stock")));
        client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(decrement(table, "stock")));

        assertEquals("4", get(client, table, "stock").get("available").n());
        assertThrows(IdempotentParameterMismatchException.class, () -> client.transactWriteItems(b -> b
                .clientRequestToken(token).transactItems(decrement(table, "stock"), claim(table, "claim-1"))));
        assertEquals("4", get(client, table, "stock").get("available").n());
        client.transactWriteItems(b -> b.transactItems(decrement(table, "stock")));
        assertEquals("3", get(client, table, "stock").get("available").n(), "a new token is a new transaction");
    }

    @Test
    void transact_get_items_answers_each_item_in_order_and_nothing_for_an_absent_one() {
        String table = freshTable(client);
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s("a"), "available", n(3), "note", s("hi"))));

        List<ItemResponse> responses = client.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(x -> x.tableName(table).key(Map.of("pk", s("absent")))).build(),
                TransactGetItem.builder().get(x -> x.tableName(table).key(Map.of("pk", s("a"))).projectionExpression("#n")
                        .expressionAttributeNames(Map.of("#n", "note"))).build())).responses();

        assertEquals(2, responses.size());
        assertFalse(responses.get(0).hasItem() && !responses.get(0).item().isEmpty());
        assertEquals(Map.of("note", s("hi")), responses.get(1).item());
    }

    @Test
    void ttl_is_enabled_once_and_described() {
        String table = freshTable(client);
        assertEquals(TimeToLiveStatus.DISABLED, client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription().timeToLiveStatus());

        client.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));

        var description = client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, description.timeToLiveStatus());
        assertEquals("expiresAt", description.attributeName());
        DynamoDbException again = assertThrows(DynamoDbException.class, () -> client.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true))));
        assertTrue(again.getMessage().contains("TimeToLive is already enabled"), again.getMessage());
        assertThrows(ResourceNotFoundException.class, () -> client.describeTimeToLive(b -> b.tableName("no-such-table")));
    }

    @Test
    void an_item_whose_ttl_has_passed_disappears_and_others_stay() throws InterruptedException {
        String table = freshTable(client);
        client.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
        long now = Instant.now().getEpochSecond();
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s("past"), "expiresAt", n(now - 10))));
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s("future"), "expiresAt", n(now + 3600))));
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s("text"), "expiresAt", s(Long.toString(now - 10)))));
        client.putItem(b -> b.tableName(table).item(Map.of("pk", s("none"))));

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (get(client, table, "past") != null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertNull(get(client, table, "past"), "an item whose TTL passed must be deleted within a few sweeps");
        Thread.sleep(500); // more sweeps: the others must survive them
        assertTrue(get(client, table, "future") != null);
        assertTrue(get(client, table, "text") != null, "a TTL attribute that is not a Number is ignored, as on AWS");
        assertTrue(get(client, table, "none") != null);
    }

    @Test
    void the_conflict_hook_cancels_the_next_transactions_without_applying_them() {
        String table = freshTable(client);
        client.putItem(b -> b.tableName(table).item(item("stock", 5)));
        front.failNextTransactionsWithConflict(2);

        for (int i = 0; i < 2; i++) {
            TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
                    () -> client.transactWriteItems(b -> b.transactItems(decrement(table, "stock"), claim(table, "claim-1"))));
            assertEquals(List.of("TransactionConflict", "TransactionConflict"),
                    e.cancellationReasons().stream().map(CancellationReason::code).toList());
        }
        assertEquals(item("stock", 5), get(client, table, "stock"));
        client.transactWriteItems(b -> b.transactItems(decrement(table, "stock"), claim(table, "claim-1")));
        assertEquals("4", get(client, table, "stock").get("available").n(), "only the next 2 fail");
    }

    @Test
    void fifty_racing_transactions_take_exactly_the_ten_units_there_are() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            String table = freshTable(client);
            assertEquals(10, Race.run(client, table, 50, 10), "round " + round);
        }
    }

    /**
     * Threads released at once, each taking one unit and writing its claim in one transaction. Every other thread
     * already holds a claim, so its transaction decrements and must then be rolled back: a rollback that restored an
     * old count over another thread's decrement would hand out more units than there are.
     */
    static final class Race {

        static int run(DynamoDbClient client, String table, int threads, int units) throws InterruptedException {
            client.putItem(b -> b.tableName(table).item(item("sku", units)));
            for (int i = 1; i < threads; i += 2) {
                String claimKey = "claim-" + i;
                client.putItem(b -> b.tableName(table).item(Map.of("pk", s(claimKey), "earlier", s("yes"))));
            }
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
            List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> racers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String claimKey = "claim-" + i;
                Thread racer = new Thread(() -> {
                    try {
                        go.await();
                        client.transactWriteItems(b -> b.transactItems(decrement(table, "sku"), claim(table, claimKey)));
                        taken.incrementAndGet();
                    } catch (TransactionCanceledException soldOutOrClaimedBefore) {
                        // a lost race, as it must be for all but 10
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
            assertEquals("0", get(client, table, "sku").get("available").n(), "units left");
            List<Map<String, AttributeValue>> claims = client.scan(b -> b.tableName(table).consistentRead(true)).items().stream()
                    .filter(item -> item.get("pk").s().startsWith("claim-") && !item.containsKey("earlier")).toList();
            assertEquals(taken.get(), claims.size(), "new claims written vs transactions that succeeded");
            return claims.size();
        }
    }
}
