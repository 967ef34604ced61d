package shop.inventory.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.inventory.adapter.dynamodb.DynamoDbStock;
import shop.inventory.application.SeedStock;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Sku;
import shop.platform.json.Json;
import shop.testsupport.LocalDynamoDb;

class SeedStockHandlerTest {

    private static final String CREATE = """
            {"RequestType": "Create", "LogicalResourceId": "StockSeed", "RequestId": "r-1", "StackId": "local",
             "ResourceProperties": {}}""";

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    private DynamoDbStock stock;
    private SeedStockHandler handler;

    @BeforeEach
    void freshTable() {
        String table = dynamoDb.freshTable("InventoryTable");
        stock = new DynamoDbStock(dynamoDb.client(), table);
        handler = new SeedStockHandler(new SeedStock(stock));
    }

    @Test
    void the_stock_seed_writes_the_bundled_stock_of_every_priced_sku() throws Exception {
        JsonNode response = create();

        assertEquals("SUCCESS", response.path("Status").asText());
        assertEquals("wrote 5 skus, kept 0 existing", response.at("/Data/Summary").asText());
        assertEquals(100, stock.available(new Sku("SKU-1")));
        assertEquals(100, stock.available(new Sku("SKU-4")));
        assertEquals(10, stock.available(new Sku("SKU-5")));
    }

    @Test
    void a_redeploy_keeps_live_stock_and_its_reservations() throws Exception {
        create();
        OrderId orderId = new OrderId(UUID.randomUUID().toString());
        stock.take(new Sku("SKU-5"), orderId, 4);

        JsonNode response = create();

        assertEquals("wrote 0 skus, kept 5 existing", response.at("/Data/Summary").asText());
        assertEquals(6, stock.available(new Sku("SKU-5")));
        stock.giveBack(new Sku("SKU-5"), orderId, 4);
        assertEquals(10, stock.available(new Sku("SKU-5")));
    }

    private JsonNode create() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(CREATE.getBytes(StandardCharsets.UTF_8)), output, null);
        return Json.read(output.toByteArray());
    }
}
