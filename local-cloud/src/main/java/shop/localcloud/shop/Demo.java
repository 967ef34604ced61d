package shop.localcloud.shop;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import shop.localcloud.CloudView;
import shop.localcloud.LocalCloud;
import shop.localcloud.Options;
import shop.localcloud.common.Flow;
import shop.localcloud.common.UserError;
import shop.localcloud.lambda.InvocationResult;

/**
 * {@code local-cloud demo}: places two orders, cancels one, replays the archive, and reads every context's table to
 * check it reached the state the design promises. Exit code 1 when any context disagrees.
 */
public final class Demo {

    /** One row of the result table. */
    record Check(String context, String what, String expected, String actual) {

        boolean ok() {
            return Objects.equals(expected, actual);
        }
    }

    private Demo() {
    }

    public static int run(Options options, PrintStream out) {
        Path data = options.dataDir().resolve("demo");
        try {
            Files.deleteIfExists(data.resolve("archive.jsonl"));
        } catch (IOException e) {
            throw new UserError("cannot reset " + data + ": " + e.getMessage());
        }
        out.println("local-cloud demo: starting the system...");
        try (LocalCloud cloud = LocalCloud.start(options.withDataDir(data).withRetryScale(Math.min(options.retryScale(), 0.01)),
                new Flow(out))) {
            cloud.describe(out);
            List<Check> checks = scenario(cloud.view(), out);
            out.println();
            out.println(String.format("%-13s %-44s %-40s %-40s %s", "context", "what", "expected", "actual", ""));
            checks.forEach(c -> out.println(String.format("%-13s %-44s %-40s %-40s %s", c.context(), c.what(), c.expected(),
                    c.actual(), c.ok() ? "ok" : "MISMATCH")));
            long mismatches = checks.stream().filter(c -> !c.ok()).count();
            out.println(mismatches == 0 ? "demo passed: every context agrees (" + checks.size() + " checks)"
                    : "demo FAILED: " + mismatches + " of " + checks.size() + " checks disagree (function logs: " + data.resolve("logs") + ")");
            return mismatches == 0 ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    static List<Check> scenario(CloudView cloud, PrintStream out) throws InterruptedException {
        SystemState state = new SystemState(cloud.dynamo(), cloud.tables());
        ShopClient shop = new ShopClient(cloud.httpUrl());
        Instant start = Instant.now().minusSeconds(1);
        String alice = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        String bob = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        String carol = "carol-" + UUID.randomUUID().toString().substring(0, 8);
        int sku1 = state.available("SKU-1");
        int sku2 = state.available("SKU-2");
        int sku3 = state.available("SKU-3");
        int sku5 = state.available("SKU-5");
        List<Check> checks = new ArrayList<>();

        int wanted = Math.max(1, Math.min(100, sku5 + 1));
        out.println("\n1. " + alice + " orders 2 x SKU-1 and 1 x SKU-3; " + bob + " orders 3 x SKU-2; " + carol + " orders 1 x SKU-1 and "
                + wanted + " x SKU-5 (" + sku5 + " in stock): inventory answers each, order confirms or rejects");
        ShopClient.Reply placedA = shop.place(alice, ShopClient.orderBody(alice + "@example.com", "SKU-1", "2", "SKU-3", "1"));
        ShopClient.Reply placedB = shop.place(bob, ShopClient.orderBody(bob + "@example.com", "SKU-2", "3"));
        ShopClient.Reply placedC = shop.place(carol, ShopClient.orderBody(carol + "@example.com", "SKU-1", "1", "SKU-5", Integer.toString(wanted)));
        checks.add(new Check("order", "POST /orders (" + alice + ")", "201", Integer.toString(placedA.status())));
        checks.add(new Check("order", "POST /orders (" + bob + ")", "201", Integer.toString(placedB.status())));
        checks.add(new Check("order", "POST /orders (" + carol + ")", "201", Integer.toString(placedC.status())));
        if (placedA.status() != 201 || placedB.status() != 201 || placedC.status() != 201) {
            out.println("   the order API answered " + placedA.body() + " / " + placedB.body() + " / " + placedC.body());
            return checks;
        }
        String a = placedA.body().path("orderId").asText();
        String b = placedB.body().path("orderId").asText();
        String c = placedC.body().path("orderId").asText();
        settle(cloud);

        out.println("\n2. " + bob + " cancels " + Flow.shortId(b) + " (FOUND_CHEAPER)");
        checks.add(new Check("order", "POST /orders/{id}/cancel", "200", Integer.toString(shop.cancel(bob, b, "FOUND_CHEAPER").status())));
        settle(cloud);

        out.println("\n3. the warehouse ships " + Flow.shortId(a) + " (ShipParcelFunction, as a warehouse system invokes it)");
        JsonNode shipped = invoke(cloud, "ShipParcelFunction", "{\"orderId\":\"" + a + "\",\"carrier\":\"DHL\",\"trackingNumber\":\"JD0146000062" + a.substring(0, 8) + "\"}");
        checks.add(new Check("package", "ship parcel of A", "SHIPPED", shipped.path("status").asText()));
        settle(cloud);
        checks.add(new Check("order", "cancel order A (shipped)", "409", Integer.toString(shop.cancel(alice, a, "CHANGED_MIND").status())));

        out.println("\n4. replay of the archive (every event again, with replay-name): nothing may change");
        cloud.replay("demo-replay", start, Instant.now().plusSeconds(1));
        settle(cloud);

        checks.add(new Check("order", "GET order A", "SHIPPED", shop.get(alice, a).body().path("status").asText()));
        checks.add(new Check("order", "GET order B", "CANCELLED", shop.get(bob, b).body().path("status").asText()));
        JsonNode rejected = shop.get(carol, c).body();
        checks.add(new Check("order", "GET order C", "REJECTED", rejected.path("status").asText()));
        checks.add(new Check("order", "GET order C: why", "OUT_OF_STOCK [SKU-5]", rejected.path("rejection").path("reason").asText()
                + " " + rejected.path("rejection").path("shortSkus").toString().replace("\"", "")));
        checks.add(new Check("order", "cancel order C (rejected)", "409", Integer.toString(shop.cancel(carol, c, "CHANGED_MIND").status())));
        checks.add(new Check("order", "GET order A as " + bob, "404", Integer.toString(shop.get(bob, a).status())));
        checks.add(new Check("inventory", "reservation of A (settled)", "SHIPPED", state.reservation(a)));
        checks.add(new Check("inventory", "SKU-1 held / shipped", "0 / 2", state.counter("SKU-1", "held") + " / " + state.counter("SKU-1", "shipped")));
        checks.add(new Check("inventory", "reservation of B", "RELEASED", state.reservation(b)));
        checks.add(new Check("inventory", "reservation of C", "REJECTED", state.reservation(c)));
        checks.add(new Check("inventory", "SKU-5 available (C held nothing)", Integer.toString(sku5), Integer.toString(state.available("SKU-5"))));
        checks.add(new Check("inventory", "SKU-1 available", Integer.toString(sku1 - 2), Integer.toString(state.available("SKU-1"))));
        checks.add(new Check("inventory", "SKU-3 available", Integer.toString(sku3 - 1), Integer.toString(state.available("SKU-3"))));
        checks.add(new Check("inventory", "SKU-2 available (B released)", Integer.toString(sku2), Integer.toString(state.available("SKU-2"))));
        checks.add(new Check("package", "parcel of A", "SHIPPED", state.parcel(a)));
        checks.add(new Check("package", "parcel of B", "CANCELLED", state.parcel(b)));
        checks.add(new Check("package", "parcel of C", "(none)", state.parcel(c)));
        checks.add(new Check("notification", "confirmation for A", "SENT", state.message(a, "ORDER_CONFIRMATION")));
        checks.add(new Check("notification", "'on its way' for A", "SENT", state.message(a, "SHIPPING_NOTICE")));
        checks.add(new Check("notification", "cancellation notice for B", "SENT", state.message(b, "CANCELLATION_NOTICE")));
        checks.add(new Check("notification", "confirmation for C", "(none)", state.message(c, "ORDER_CONFIRMATION")));
        checks.add(new Check("notification", "rejection notice for C", "SENT", state.message(c, "REJECTION_NOTICE")));
        checks.add(new Check("notification", "emails SES received for " + alice, "2",
                Integer.toString(cloud.emailsTo(alice + "@example.com").size())));
        checks.add(new Check("notification", "emails SES received for " + bob, "2",
                Integer.toString(cloud.emailsTo(bob + "@example.com").size())));
        checks.add(new Check("notification", "emails SES received for " + carol, "1",
                Integer.toString(cloud.emailsTo(carol + "@example.com").size())));
        checks.add(new Check("crm", "timeline of " + alice, "PLACED CONFIRMED SHIPPED", state.timeline(alice, a)));
        checks.add(new Check("crm", "timeline of " + bob, "PLACED CONFIRMED CANCELLED FOUND_CHEAPER", state.timeline(bob, b)));
        checks.add(new Check("crm", "timeline of " + carol, "PLACED REJECTED OUT_OF_STOCK", state.timeline(carol, c)));
        if (cloud.spec().functions().stream().anyMatch(f -> f.logicalId().equals("CancellationInsightFunction"))) {
            JsonNode overall = invoke(cloud, "CancellationInsightFunction", "{}").path("insight");
            out.println("\n5. CRM cancellation insight (CancellationInsightFunction, invoked directly): " + overall);
            checks.add(new Check("crm", "insight: placed / cancelled / rejected", "3 / 1 / 1",
                    overall.path("ordersPlaced").asText() + " / " + overall.path("ordersCancelled").asText() + " / "
                            + overall.path("ordersRejectedForStock").asText()));
            checks.add(new Check("crm", "insight: orders shipped", "1", overall.path("ordersShipped").asText()));
            checks.add(new Check("crm", "insight: cancelled because FOUND_CHEAPER", "1",
                    overall.path("cancellationsByReason").path("FOUND_CHEAPER").asText()));
        }
        return checks;
    }

    private static JsonNode invoke(CloudView cloud, String functionId, String payload) {
        try {
            InvocationResult result = cloud.invoke(functionId, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .get(cloud.spec().function(functionId).timeoutSeconds() + 120L, java.util.concurrent.TimeUnit.SECONDS);
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.payload());
        } catch (Exception e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static void settle(CloudView cloud) throws InterruptedException {
        if (!cloud.awaitIdle(120_000)) {
            throw new UserError("deliveries did not finish within 2 minutes; see the function logs");
        }
    }
}
