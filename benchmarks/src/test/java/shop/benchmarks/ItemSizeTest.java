package shop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ItemSizeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void names_and_strings_count_their_utf8_bytes() throws Exception {
        // "pk" 2 + "SKU#SKU-1" 9 + "sk" 2 + "STOCK" 5; "é" is 2 bytes in UTF-8
        assertEquals(18, ItemSize.of(JSON.readTree("{\"pk\":{\"S\":\"SKU#SKU-1\"},\"sk\":{\"S\":\"STOCK\"}}")));
        assertEquals(3, ItemSize.of(JSON.readTree("{\"n\":{\"S\":\"é\"}}")));
    }

    @Test
    void a_number_takes_a_byte_per_two_significant_digits_and_one_more() throws Exception {
        assertEquals(1 + 2, ItemSize.of(JSON.readTree("{\"n\":{\"N\":\"100\"}}")));
        assertEquals(1 + 1 + 3, ItemSize.of(JSON.readTree("{\"n\":{\"N\":\"12345\"}}")));
        assertEquals(1 + 1, ItemSize.of(JSON.readTree("{\"n\":{\"N\":\"0\"}}")));
    }

    @Test
    void a_map_or_list_takes_three_bytes_and_one_per_element() throws Exception {
        // "m" 1 + 3 + 1 element + ("k" 1 + "v" 1); "l" 1 + 3 + (1 + 1) + (1 + 1)
        assertEquals(1 + 3 + 1 + 2, ItemSize.of(JSON.readTree("{\"m\":{\"M\":{\"k\":{\"S\":\"v\"}}}}")));
        assertEquals(1 + 3 + 2 + 2, ItemSize.of(JSON.readTree("{\"l\":{\"L\":[{\"BOOL\":true},{\"NULL\":true}]}}")));
    }

    @Test
    void a_missing_item_is_empty() {
        assertEquals(0, ItemSize.of(null));
        assertEquals(0, ItemSize.of(JSON.createObjectNode().path("Item")));
    }

    @Test
    void a_write_takes_a_unit_per_started_kilobyte_of_the_larger_item_and_twice_that_in_a_transaction() {
        assertEquals(1, ItemSize.writeUnits(0, 18, false));
        assertEquals(1, ItemSize.writeUnits(1024, 0, false));
        assertEquals(2, ItemSize.writeUnits(1025, 300, false));
        assertEquals(3, ItemSize.writeUnits(300, 2049, false));
        assertEquals(2, ItemSize.writeUnits(18, 18, true));
        assertEquals(4, ItemSize.writeUnits(1500, 900, true));
    }
}
