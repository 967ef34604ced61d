package shop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CapacityTest {

    @Test
    void items_group_by_table_and_the_fixed_part_of_their_key() {
        assertEquals("InventoryTable pk:SKU#,sk:STOCK", Capacity.kind("InventoryTable {\"pk\":{\"S\":\"SKU#SKU-1\"},\"sk\":{\"S\":\"STOCK\"}}"));
        assertEquals("OrdersTable pk:ORDER#", Capacity.kind("OrdersTable {\"pk\":{\"S\":\"ORDER#170cf68e-cc63-499b-97cb-4b194c367f1b\"}}"));
        assertEquals("CrmTable pk:CUSTOMER#,sk:ORDER#",
                Capacity.kind("CrmTable {\"pk\":{\"S\":\"CUSTOMER#capacity-7\"},\"sk\":{\"S\":\"ORDER#0559dd75\"}}"));
    }
}
