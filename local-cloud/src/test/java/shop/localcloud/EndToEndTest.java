package shop.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localparts.ProjectRoot;
import shop.testsupport.SampleEvents;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The real system of template.yaml (the services' shaded jars) through local-cloud, over HTTP as a customer. */
class EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static LocalCloud cloud;
    static ShopClient shop;
    static SystemState state;
    static final ByteArrayOutputStream FLOW = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        Options options = Options.defaults(ProjectRoot.find()).withDataDir(dir.resolve("data")).withPorts(0, 0, 0).withRetryScale(0.001);
        cloud = LocalCloud.start(options, new Flow(new PrintStream(FLOW, true, StandardCharsets.UTF_8)), true);
        shop = new ShopClient(cloud.httpUrl());
        state = new SystemState(cloud.dynamo(), cloud.spec().tables());
    }

    @AfterAll
    static void stop() {
        cloud.close();
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
        assertTrue(cloud.deliveries().awaitIdle(120_000), "deliveries settle: " + FLOW.toString(StandardCharsets.UTF_8));
    }

    @Test
    void placing_an_order_reserves_stock_creates_a_parcel_sends_an_email_and_adds_to_the_crm_timeline() throws Exception {
        String customer = customer();
        int before = state.available("SKU-4");

        String order = place(customer, "SKU-4", "3");

        assertEquals("RESERVED", state.reservation(order));
        assertEquals(before - 3, state.available("SKU-4"));
        assertEquals("TO_PICK", state.parcel(order));
        assertEquals("SENT", state.message(order, "ORDER_CONFIRMATION"));
        assertEquals(1, cloud.ses().emailsTo(customer + "@example.com").size());
        assertEquals("PLACED", state.timeline(customer, order));
    }

    @Test
    void cancelling_an_order_releases_its_stock_cancels_its_parcel_and_sends_a_cancellation_notice() throws Exception {
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
        assertEquals(2, cloud.ses().emailsTo(customer + "@example.com").size());
        assertEquals("CANCELLED DELIVERY_TOO_SLOW", state.timeline(customer, order));
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

        int replayed = cloud.bus().replay("test-replay-" + UUID.randomUUID(), from, Instant.now().plusSeconds(1), null);
        settle();

        assertTrue(replayed >= 3, "OrderPlaced x2 and OrderCancelled were replayed, got " + replayed);
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
        snapshot.put("emails", cloud.ses().emailsTo(kept + "@example.com").size() + "/" + cloud.ses().emailsTo(cancelled + "@example.com").size());
        snapshot.put("timeline", state.timeline(kept, keptOrder) + "/" + state.timeline(cancelled, cancelledOrder));
        return snapshot;
    }

    @Test
    void an_event_a_consumer_cannot_process_lands_in_that_consumers_dead_letter_queue() throws Exception {
        JsonNode malformed = SampleEvents.json("inventory-service/malformed.json");
        String eventId = malformed.path("detail").path("metadata").path("eventId").asText();
        String entry = JSON.createObjectNode()
                .put("Source", malformed.path("source").asText()).put("DetailType", malformed.path("detail-type").asText())
                .put("Detail", malformed.path("detail").toString()).put("EventBusName", cloud.bus().busNames().iterator().next())
                .toString();

        JsonNode answer = cloud.bus().putEvents(JSON.readTree("{\"Entries\":[" + entry + "]}"));
        settle();

        assertEquals(0, answer.path("FailedEntryCount").asInt(), "EventBridge accepts it: only the consumers cannot read it");
        List<String> consumers = cloud.spec().rules().stream().map(Model.RuleSpec::functionId).distinct().toList();
        try (SqsClient sqs = LocalSqs.client(cloud.sqs().endpoint())) {
            for (String consumer : consumers) {
                String queue = cloud.spec().queue(cloud.spec().function(consumer).async().onFailureQueue()).name();
                List<JsonNode> records = new ArrayList<>();
                String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
                for (Message message : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                    records.add(JSON.readTree(message.body()));
                }
                assertTrue(records.stream().anyMatch(r -> r.path("requestPayload").path("detail").path("metadata").path("eventId")
                        .asText().equals(eventId) && r.path("requestContext").path("functionArn").asText().contains(consumer)),
                        consumer + "'s DLQ " + queue + " holds the event, got " + records);
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
}
