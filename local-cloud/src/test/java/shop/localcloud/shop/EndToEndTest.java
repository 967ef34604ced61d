package shop.localcloud.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.CloudView;
import shop.localcloud.LocalCloud;
import shop.localcloud.Options;
import shop.localcloud.cli.Main;
import shop.localcloud.cloudformation.Model;
import shop.localcloud.common.Flow;
import shop.localcloud.sqs.LocalSqs;
import shop.localparts.ProjectRoot;
import shop.testsupport.SampleEvents;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The real system of template.yaml (the services' shaded jars) through local-cloud, over HTTP as a customer. */
class EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static LocalCloud started;
    static CloudView cloud;
    static ShopClient shop;
    static SystemState state;
    static final ByteArrayOutputStream FLOW = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        Options options = Options.defaults(ProjectRoot.find()).withDataDir(dir.resolve("data")).withPorts(0, 0, 0).withRetryScale(0.001);
        started = LocalCloud.start(options, new Flow(new PrintStream(FLOW, true, StandardCharsets.UTF_8)));
        cloud = started.view();
        shop = new ShopClient(cloud.httpUrl());
        state = new SystemState(cloud.dynamo(), cloud.spec().tables());
    }

    @AfterAll
    static void stop() {
        started.close();
    }

    private static String customer() {
        return "customer-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String place(String customer, String... skuQuantity) throws InterruptedException {
        ShopClient.Reply placed = shop.place(customer, ShopClient.orderBody(customer + "@example.com", skuQuantity));
        assertEquals(201, placed.status(), placed.body().toString());
        settle();
        return placed.body().path("orderId").asText();
    }

    private static void settle() throws InterruptedException {
        assertTrue(cloud.awaitIdle(120_000), "deliveries settle: " + FLOW.toString(StandardCharsets.UTF_8));
    }

    @Test
    void an_order_inventory_can_fill_is_confirmed_gets_a_parcel_one_email_and_every_step_in_the_crm_timeline() throws Exception {
        String customer = customer();
        int before = state.available("SKU-4");

        String order = place(customer, "SKU-4", "3");

        assertEquals("CONFIRMED", shop.get(customer, order).body().path("status").asText());
        assertEquals("RESERVED", state.reservation(order));
        assertEquals(before - 3, state.available("SKU-4"));
        assertEquals("TO_PICK", state.parcel(order));
        assertEquals("SENT", state.message(order, "ORDER_CONFIRMATION"));
        assertEquals(1, cloud.emailsTo(customer + "@example.com").size(), "one email: the confirmation");
        assertEquals("PLACED CONFIRMED", state.timeline(customer, order));
    }

    @Test
    void an_order_inventory_cannot_fill_is_rejected_with_the_short_skus_and_gets_no_parcel_and_no_confirmation() throws Exception {
        String customer = customer();
        int before = state.available("SKU-5");

        String order = place(customer, "SKU-1", "1", "SKU-5", "100");

        JsonNode read = shop.get(customer, order).body();
        assertEquals("REJECTED", read.path("status").asText(), read.toString());
        assertEquals("OUT_OF_STOCK", read.path("rejection").path("reason").asText(), read.toString());
        assertEquals("[\"SKU-5\"]", read.path("rejection").path("shortSkus").toString());
        assertEquals(before, state.available("SKU-5"), "nothing held");
        assertEquals("(none)", state.parcel(order));
        assertEquals("(none)", state.message(order, "ORDER_CONFIRMATION"));
        assertEquals("SENT", state.message(order, "REJECTION_NOTICE"));
        assertEquals(1, cloud.emailsTo(customer + "@example.com").size(), "one email: the rejection");
        assertEquals("PLACED REJECTED OUT_OF_STOCK", state.timeline(customer, order));
        assertEquals(409, shop.cancel(customer, order, "CHANGED_MIND").status(), "a rejected order cannot be cancelled");
    }

    @Test
    void cancelling_a_confirmed_order_releases_its_stock_cancels_its_parcel_and_sends_a_cancellation_notice() throws Exception {
        String customer = customer();
        int before = state.available("SKU-2");
        String order = place(customer, "SKU-2", "2");

        assertEquals(200, shop.cancel(customer, order, "DELIVERY_TOO_SLOW").status());
        settle();

        assertEquals("CANCELLED", shop.get(customer, order).body().path("status").asText());
        assertEquals("RELEASED", state.reservation(order));
        assertEquals(before, state.available("SKU-2"));
        assertEquals("CANCELLED", state.parcel(order));
        assertEquals("SENT", state.message(order, "CANCELLATION_NOTICE"));
        assertEquals(2, cloud.emailsTo(customer + "@example.com").size(), "the confirmation, then the cancellation");
        assertEquals("PLACED CONFIRMED CANCELLED DELIVERY_TOO_SLOW", state.timeline(customer, order));
    }

    @Test
    void only_a_token_the_authorizer_accepts_places_an_order_and_a_refused_one_stores_nothing() throws Exception {
        String customer = customer();
        String body = ShopClient.orderBody(customer + "@example.com", "SKU-1", "1");
        String table = cloud.tables().get("OrdersTable");
        int stored = cloud.dynamo().scan(b -> b.tableName(table).select(Select.COUNT)).count();
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"sub\":\"" + customer + "\"}").getBytes(StandardCharsets.UTF_8)) + ".";

        for (String refused : List.of("Bearer ....", "Bearer " + none, "Bearer " + customer)) {
            HttpResponse<String> response = post(refused, body);
            assertEquals(401, response.statusCode(), refused);
            assertEquals("{\"message\":\"Unauthorized\"}", response.body());
        }
        assertEquals(stored, cloud.dynamo().scan(b -> b.tableName(table).select(Select.COUNT)).count(), "a refused request stores nothing");

        HttpResponse<String> placed = post("Bearer " + cloud.token(customer), body);
        assertEquals(201, placed.statusCode(), placed.body());
        settle();
        assertEquals(200, shop.get(customer, JSON.readTree(placed.body()).path("orderId").asText()).status(), "the order is the token's sub's");
    }

    private static HttpResponse<String> post(String authorization, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cloud.httpUrl() + "/orders"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void replaying_the_archive_changes_nothing() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String kept = customer();
        String cancelled = customer();
        String keptOrder = place(kept, "SKU-1", "1", "SKU-5", "1");
        String cancelledOrder = place(cancelled, "SKU-3", "1");
        shop.cancel(cancelled, cancelledOrder, "CHANGED_MIND");
        settle();
        Map<String, String> before = snapshot(kept, keptOrder, cancelled, cancelledOrder);

        int replayed = cloud.replay("test-replay-" + UUID.randomUUID(), from, Instant.now().plusSeconds(1));
        settle();

        assertTrue(replayed >= 3, "the events of two orders and a cancel were replayed, got " + replayed);
        assertEquals(before, snapshot(kept, keptOrder, cancelled, cancelledOrder));
    }

    private static Map<String, String> snapshot(String kept, String keptOrder, String cancelled, String cancelledOrder) {
        Map<String, String> snapshot = new TreeMap<>();
        for (String sku : List.of("SKU-1", "SKU-3", "SKU-5")) {
            snapshot.put(sku, Integer.toString(state.available(sku)));
        }
        snapshot.put("reservations", state.reservation(keptOrder) + "/" + state.reservation(cancelledOrder));
        snapshot.put("parcels", state.parcel(keptOrder) + "/" + state.parcel(cancelledOrder));
        snapshot.put("messages", state.message(keptOrder, "ORDER_CONFIRMATION") + "/" + state.message(cancelledOrder, "CANCELLATION_NOTICE"));
        snapshot.put("statuses", shop.get(kept, keptOrder).body().path("status").asText() + "/" + shop.get(cancelled, cancelledOrder).body().path("status").asText());
        snapshot.put("emails", cloud.emailsTo(kept + "@example.com").size() + "/" + cloud.emailsTo(cancelled + "@example.com").size());
        snapshot.put("timeline", state.timeline(kept, keptOrder) + "/" + state.timeline(cancelled, cancelledOrder));
        return snapshot;
    }

    @Test
    void an_event_a_consumer_cannot_process_lands_in_the_dead_letter_queue_of_every_consumer_its_rules_match() throws Exception {
        // one malformed event of each producing source the bus routes: every rule that matches it sends it to a consumer
        // that cannot read it, so each of those consumers dead-letters it after its retries
        List<JsonNode> samples = List.of(SampleEvents.json("inventory-service/malformed.json"), SampleEvents.json("order-service/malformed.json"));
        Map<String, String> expected = new TreeMap<>();
        List<String> entries = new ArrayList<>();
        for (JsonNode malformed : samples) {
            String eventId = malformed.path("detail").path("metadata").path("eventId").asText();
            for (Model.RuleSpec rule : cloud.spec().rules()) {
                software.amazon.event.ruler.Machine machine = software.amazon.event.ruler.Machine.builder().build();
                machine.addRule(rule.name(), rule.patternJson());
                if (!machine.rulesForJSONEvent(malformed.toString()).isEmpty()) {
                    expected.merge(rule.functionId(), eventId, (a, b) -> a + "," + b);
                }
            }
            entries.add(JSON.createObjectNode()
                    .put("Source", malformed.path("source").asText()).put("DetailType", malformed.path("detail-type").asText())
                    .put("Detail", malformed.path("detail").toString()).put("EventBusName", cloud.spec().buses().get(0))
                    .toString());
        }
        assertTrue(expected.containsKey("InventoryFunction") && expected.containsKey("StockDecisionFunction"),
                "the samples reach the order and the inventory consumers: " + expected);

        JsonNode answer = cloud.putEvents(JSON.readTree("{\"Entries\":[" + String.join(",", entries) + "]}"));
        settle();

        assertEquals(0, answer.path("FailedEntryCount").asInt(), "EventBridge accepts them: only the consumers cannot read them");
        try (SqsClient sqs = LocalSqs.client(cloud.sqsEndpoint())) {
            for (Map.Entry<String, String> consumer : expected.entrySet()) {
                String queue = cloud.spec().queue(cloud.spec().function(consumer.getKey()).async().onFailureQueue()).name();
                List<JsonNode> records = new ArrayList<>();
                String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
                for (Message message : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                    records.add(JSON.readTree(message.body()));
                }
                for (String eventId : consumer.getValue().split(",")) {
                    assertTrue(records.stream().anyMatch(r -> r.path("requestPayload").path("detail").path("metadata").path("eventId")
                            .asText().equals(eventId) && r.path("requestContext").path("functionArn").asText().contains(consumer.getKey())),
                            consumer.getKey() + "'s DLQ " + queue + " holds event " + eventId + ", got " + records);
                }
            }
        }
    }

    @Test
    void invoke_runs_one_function_with_a_sample_event_like_sam_local_invoke() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String event = SampleEvents.path("inventory-service/order-placed.json").toString();

        int code = Main.run(new String[] {"invoke", "InventoryFunction", "-e", event, "--data", dir.resolve("invoke").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("{\"outcome\":\"RESERVED\"}", out.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void invoke_running_ships_an_order_of_the_running_system_as_the_warehouse_does() throws Exception {
        String customer = customer();
        String order = place(customer, "SKU-3", "1");
        java.nio.file.Path event = dir.resolve("ship-" + order + ".json");
        java.nio.file.Files.writeString(event, "{\"orderId\":\"" + order + "\",\"carrier\":\"DHL\",\"trackingNumber\":\"JD014600006\"}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"invoke", "ShipParcelFunction", "--running", "-e", event.toString(), "--data", dir.resolve("data").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        settle();

        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("SHIPPED", JSON.readTree(out.toByteArray()).path("status").asText(), out.toString(StandardCharsets.UTF_8));
        assertEquals("SHIPPED", shop.get(customer, order).body().path("status").asText(), "ParcelShipped reached the order context");
        assertEquals("SENT", state.message(order, "SHIPPING_NOTICE"));
        assertEquals(1, FLOW.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("Invoke ShipParcelFunction (RequestResponse)")).count(),
                "the running system's flow shows the invoke");
    }
}
