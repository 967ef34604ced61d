package shop.localcloud.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.CloudView;
import shop.localcloud.LocalCloud;
import shop.localcloud.Options;
import shop.localcloud.common.Flow;
import shop.localcloud.common.Quotas;
import shop.localparts.ProjectRoot;

/**
 * The real system of template.yaml under a PutEvents quota far below a burst's need: every event the producers owe
 * still reaches the bus, through the SDK's retries or through the outbox and its relay, so every order is decided.
 */
class PutEventsThrottleEndToEndTest {

    private static final int ORDERS = 8;
    private static final Pattern RELAY_PUBLISHED = Pattern.compile("OutboxRelayFunction <- .*\"eventsPublished\":[1-9]");

    @TempDir
    Path dir;

    @Test
    void a_burst_of_orders_under_one_put_events_a_second_loses_no_event_and_every_order_is_confirmed() throws Exception {
        ByteArrayOutputStream flow = new ByteArrayOutputStream();
        // one PutEvents attempt in the order API, without the SDK's retries (then the outbox), and the relay every 3 s
        // without grace: a throttled OrderPlaced takes the relay's path
        Options options = Options.defaults(ProjectRoot.find()).withDataDir(dir.resolve("data")).withPorts(0, 0, 0).withRetryScale(0.001)
                .withScheduleScale(0.05).withQuotas(Quotas.NONE.withPutEventsPerSecond(1))
                .withEnvironment("OrderApiFunction", "PUBLISH_ATTEMPTS", "1")
                .withEnvironment("OrderApiFunction", "AWS_MAX_ATTEMPTS", "1")
                .withEnvironment("OutboxRelayFunction", "OUTBOX_RELAY_GRACE_SECONDS", "0");
        try (LocalCloud started = LocalCloud.start(options, new Flow(new PrintStream(flow, true, StandardCharsets.UTF_8)))) {
            CloudView cloud = started.view();
            ShopClient shop = new ShopClient(cloud.httpUrl());
            List<CompletableFuture<String[]>> burst = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                String customer = "burst-" + UUID.randomUUID().toString().substring(0, 8);
                burst.add(CompletableFuture.supplyAsync(() -> {
                    ShopClient.Reply placed = shop.place(customer, ShopClient.orderBody(customer + "@example.com", "SKU-1", "1"));
                    assertEquals(201, placed.status(), placed.body().toString());
                    return new String[] {customer, placed.body().path("orderId").asText()};
                }));
            }
            List<String[]> orders = new ArrayList<>();
            for (CompletableFuture<String[]> order : burst) {
                orders.add(order.get());
            }

            long deadline = System.nanoTime() + 240_000_000_000L;
            for (String[] order : orders) {
                String status;
                while ("PLACED".equals(status = shop.get(order[0], order[1]).body().path("status").asText())
                        && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                assertEquals("CONFIRMED", status, "order " + order[1] + ": its OrderPlaced, StockReserved and OrderConfirmed all"
                        + " reached the bus\n" + flow.toString(StandardCharsets.UTF_8));
            }
            String lines = flow.toString(StandardCharsets.UTF_8);
            assertTrue(cloud.throttled("putEvents") > 0, "the quota did throttle");
            assertTrue(RELAY_PUBLISHED.matcher(lines).find(), "the relay put owed events on the bus:\n" + lines);
            assertTrue(lines.contains("THROTTLE") && lines.contains("putEvents: "), lines);
        }
    }
}
