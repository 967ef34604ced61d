package shop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.benchmarks.FunctionBench.Measured;

class ReportTest {

    private static Measured measured(String id, List<Double> cold) {
        return new Measured(id, 512, cold, List.of(5.0), List.of(3.0), List.of(2.0, 4.0), List.of(1.0, 1.0), List.of(1.0, 3.0),
                Map.of("DynamoDb.PutItem", 2.0), 80.0, List.of());
    }

    @Test
    void each_function_cold_start_is_shown_as_a_ratio_to_the_hello_world_floor_of_the_same_run() {
        String table = Report.cold(List.of(measured(Workload.HELLO, List.of(300.0, 300.0, 310.0)),
                measured("InventoryFunction", List.of(900.0, 1000.0, 950.0))));

        assertTrue(table.contains("| HelloWorldFloor | 512 | 3 | 300 | 310 | 1.0x |"), table);
        assertTrue(table.contains("| InventoryFunction | 512 | 3 | 950 | 1000 | 3.2x |"), table);
    }

    @Test
    void without_a_floor_no_ratio_is_invented() {
        assertEquals("-", Report.ratio(900, Double.NaN));
    }

    @Test
    void warm_rows_split_own_time_from_waiting_on_aws_and_list_the_calls() {
        String table = Report.warm(List.of(measured("CrmFunction", List.of(1.0))));

        assertTrue(table.contains("| CrmFunction | 2 | 2.00 | 4.00 | 1.00 | 3.00 | 1.00 | 1.00 | DynamoDb.PutItem 2.00 |"), table);
    }
}
