package shop.inventory.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StockLineTest {

    @Test
    void an_order_listing_a_sku_twice_holds_the_sum_in_one_line() {
        List<StockLine> merged = StockLine.mergeBySku(List.of(new StockLine(new Sku("SKU-2"), 1),
                new StockLine(new Sku("SKU-1"), 2), new StockLine(new Sku("SKU-2"), 3)));

        assertEquals(List.of(new StockLine(new Sku("SKU-1"), 2), new StockLine(new Sku("SKU-2"), 4)), merged);
    }

    @Test
    void a_line_of_no_units_cannot_exist() {
        assertThrows(IllegalArgumentException.class, () -> new StockLine(new Sku("SKU-1"), 0));
    }

    @Test
    void a_merged_line_holds_from_1_to_5000_units_and_no_more() {
        assertEquals(1, new StockLine(new Sku("SKU-1"), 1).quantity());
        assertEquals(StockLine.MAX_QUANTITY, new StockLine(new Sku("SKU-1"), 5_000).quantity());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StockLine(new Sku("SKU-1"), 5_001));
        assertEquals("quantity must be between 1 and 5000", e.getMessage());
    }

    @Test
    void stock_of_zero_units_exists_and_a_negative_stock_cannot() {
        assertEquals(0, new StockLevel(new Sku("SKU-1"), 0).available());
        assertThrows(IllegalArgumentException.class, () -> new StockLevel(new Sku("SKU-1"), -1));
    }

    @Test
    void a_sku_prints_as_its_value_as_the_stock_item_keys_are_written() {
        assertEquals("SKU#SKU-HOT", "SKU#" + new Sku("SKU-HOT"));
    }

    @Test
    void a_sku_outside_the_published_format_cannot_exist() {
        assertThrows(IllegalArgumentException.class, () -> new Sku("sku 1"));
    }

    @Test
    void an_order_id_that_is_not_a_uuid_cannot_exist() {
        assertThrows(IllegalArgumentException.class, () -> new OrderId("ORDER#1"));
    }
}
