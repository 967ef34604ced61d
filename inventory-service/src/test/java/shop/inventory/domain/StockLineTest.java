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
    void a_sku_outside_the_published_format_cannot_exist() {
        assertThrows(IllegalArgumentException.class, () -> new Sku("sku 1"));
    }

    @Test
    void an_order_id_that_is_not_a_uuid_cannot_exist() {
        assertThrows(IllegalArgumentException.class, () -> new OrderId("ORDER#1"));
    }
}
