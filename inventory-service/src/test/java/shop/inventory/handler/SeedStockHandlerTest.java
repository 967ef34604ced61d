package shop.inventory.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.inventory.adapter.dynamodb.DynamoDbReservations;
import shop.inventory.adapter.dynamodb.DynamoDbStock;
import shop.inventory.application.OrderCancelled;
import shop.inventory.application.ReleaseStock;
import shop.inventory.application.SeedStock;
import shop.inventory.application.OwedEvent;
import shop.inventory.domain.OrderId;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.ReservationStatus;
import shop.inventory.domain.Sku;
import shop.inventory.domain.StockLine;
import shop.platform.json.Json;
import shop.testsupport.LocalDynamoDb;

class SeedStockHandlerTest {

    private static final String CREATE = """
            {"RequestType": "Create", "LogicalResourceId": "StockSeed", "RequestId": "r-1", "StackId": "local",
             "ResourceProperties": {}}""";

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    private DynamoDbStock stock;
    private DynamoDbReservations reservations;
    private SeedStockHandler handler;

    @BeforeEach
    void freshTable() {
        String table = dynamoDb.freshTable("InventoryTable");
        stock = new DynamoDbStock(dynamoDb.client(), table);
        reservations = new DynamoDbReservations(dynamoDb.client(), table, Clock.systemUTC());
        handler = new SeedStockHandler(new SeedStock(stock));
    }

    @Test
    void the_stock_seed_writes_the_bundled_stock_of_every_priced_sku() throws Exception {
        JsonNode response = create();

        assertEquals("SUCCESS", response.path("Status").asText());
        assertEquals("wrote 5 skus, kept 0 existing", response.at("/Data/Summary").asText());
        assertEquals(100, stock.counts(new Sku("SKU-1")).available());
        assertEquals(100, stock.counts(new Sku("SKU-4")).available());
        assertEquals(10, stock.counts(new Sku("SKU-5")).available());
    }

    @Test
    void a_redeploy_keeps_live_stock_and_its_reservations() throws Exception {
        create();
        OrderId orderId = new OrderId(UUID.randomUUID().toString());
        ReleaseStock release = new ReleaseStock(reservations);
        reservations.reserve(OwedEvent.of(OwedEvent.Kind.RESERVED, new Reservation(orderId, ReservationStatus.RESERVED,
                List.of(new StockLine(new Sku("SKU-5"), 4)), List.of()), Instant.now(), "corr"), "placed-1");

        JsonNode response = create();

        assertEquals("wrote 0 skus, kept 5 existing", response.at("/Data/Summary").asText());
        assertEquals(6, stock.counts(new Sku("SKU-5")).available());
        release.handle(new OrderCancelled("cancelled-1", orderId));
        assertEquals(10, stock.counts(new Sku("SKU-5")).available());
    }

    private JsonNode create() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(CREATE.getBytes(StandardCharsets.UTF_8)), output, null);
        return Json.read(output.toByteArray());
    }
}
