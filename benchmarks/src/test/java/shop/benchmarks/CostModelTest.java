package shop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostModelTest {

    @Test
    void a_million_one_second_invocations_at_1024_mb_on_arm64_cost_the_gb_seconds_plus_requests() {
        CostModel.Invocation invocation = new CostModel.Invocation("F", 1024, 1000);

        assertEquals(13.3334 + 0.20, invocation.lambdaDollars() * 1e6, 1e-6);
    }

    @Test
    void billed_duration_is_rounded_up_to_the_next_millisecond() {
        assertEquals(new CostModel.Invocation("F", 512, 3.0).lambdaDollars(), new CostModel.Invocation("F", 512, 2.01).lambdaDollars());
    }

    @Test
    void every_line_item_is_priced_and_the_total_is_their_sum() {
        CostModel.PerOrder order = new CostModel.PerOrder(List.of(new CostModel.Invocation("F", 512, 10)), 5, 2, 1, 2.0, 1);

        Map<String, Double> lines = CostModel.perMillionOrders(order);

        assertEquals(100.0, lines.get("SES (emails)"), 1e-9);
        assertEquals(1.0, lines.get("EventBridge (custom events published)"), 1e-9);
        assertEquals(1.0, lines.get("API Gateway HTTP API (1 request)"), 1e-9);
        assertEquals(5 * 0.625, lines.get("DynamoDB on-demand (writes)"), 1e-9);
        assertEquals(2 * 0.125, lines.get("DynamoDB on-demand (reads)"), 1e-9);
        double items = lines.entrySet().stream().filter(e -> !e.getKey().equals("total")).mapToDouble(Map.Entry::getValue).sum();
        assertEquals(items, lines.get("total"), 1e-9);
    }

    @Test
    void conditional_puts_updates_and_deletes_are_writes_gets_and_queries_are_reads() {
        assertTrue(CostModel.isDynamoWrite("PutItem"));
        assertTrue(CostModel.isDynamoWrite("UpdateItem"));
        assertTrue(CostModel.isDynamoWrite("DeleteItem"));
        assertFalse(CostModel.isDynamoWrite("GetItem"));
        assertFalse(CostModel.isDynamoWrite("Query"));
    }
}
