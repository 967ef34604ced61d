package shop.packaging.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.packaging.adapter.dynamodb.DynamoDbParcels;
import shop.packaging.domain.OrderId;
import shop.packaging.domain.ParcelLine;
import shop.packaging.domain.ParcelStatus;
import shop.packaging.domain.Recipient;
import shop.packaging.domain.ShippingAddress;
import shop.testsupport.Concurrently;
import shop.testsupport.LocalDynamoDb;

/** Events and shipments for the same order at the same time, against a real local DynamoDB. */
class ParcelConcurrencyTest {

    private static final ShippingAddress ADDRESS = new ShippingAddress("Alex Example", "1 Example Street",
            Optional.empty(), "Exampleton", "EX1 2MP", "GB");

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    private DynamoDbParcels parcels;
    private CreateParcel createParcel;
    private CancelParcel cancelParcel;
    private ShipParcel shipParcel;

    @BeforeEach
    void freshTable() {
        String table = dynamoDb.freshTable("PackageTable");
        parcels = new DynamoDbParcels(dynamoDb.client(), table, Clock.systemUTC());
        createParcel = new CreateParcel(parcels);
        cancelParcel = new CancelParcel(parcels);
        shipParcel = new ShipParcel(parcels, owed -> { }, Clock.systemUTC());
    }

    @Test
    void the_same_order_confirmed_delivered_ten_times_at_once_creates_one_parcel() throws Exception {
        OrderConfirmed order = confirmed(newOrderId());

        List<PackageOutcome> outcomes = Concurrently.call(10, () -> createParcel.handle(order));

        assertEquals(1, outcomes.stream().filter(o -> o == PackageOutcome.CREATED).count());
        assertEquals(9, outcomes.stream().filter(o -> o == PackageOutcome.DUPLICATE).count());
    }

    @Test
    void an_order_confirmed_and_its_cancellation_at_once_leave_no_parcel_to_ship() throws Exception {
        for (int round = 0; round < 15; round++) {
            OrderId orderId = newOrderId();
            OrderConfirmed confirmed = confirmed(orderId);
            OrderCancelled cancelled = new OrderCancelled(UUID.randomUUID().toString(), orderId);

            Concurrently.call(List.of(() -> createParcel.handle(confirmed), () -> cancelParcel.handle(cancelled)));

            ParcelStatus status = parcels.find(orderId).orElseThrow().status();
            assertTrue(Set.of(ParcelStatus.CANCELLED, ParcelStatus.CANCELLED_BEFORE_CONFIRMED).contains(status), status.name());
            assertEquals(PackageOutcome.NOT_SHIPPABLE, ship(orderId));
        }
    }

    @Test
    void a_cancellation_racing_the_shipment_either_stops_the_parcel_or_asks_for_it_back() throws Exception {
        for (int round = 0; round < 15; round++) {
            OrderId orderId = newOrderId();
            createParcel.handle(confirmed(orderId));
            OrderCancelled cancelled = new OrderCancelled(UUID.randomUUID().toString(), orderId);

            List<PackageOutcome> outcomes = Concurrently.call(
                    List.of(() -> ship(orderId), () -> cancelParcel.handle(cancelled)));

            ParcelStatus status = parcels.find(orderId).orElseThrow().status();
            if (outcomes.get(0) == PackageOutcome.SHIPPED) {
                assertEquals(ParcelStatus.RETURN_REQUESTED, status, "round " + round);
            } else {
                assertEquals(PackageOutcome.NOT_SHIPPABLE, outcomes.get(0));
                assertEquals(ParcelStatus.CANCELLED, status, "round " + round);
            }
        }
    }

    private static OrderId newOrderId() {
        return new OrderId(UUID.randomUUID().toString());
    }

    private static OrderConfirmed confirmed(OrderId orderId) {
        return new OrderConfirmed(UUID.randomUUID().toString(), orderId, List.of(new ParcelLine("SKU-1", 2)), ADDRESS,
                new Recipient("customer-1", "alex@example.com"));
    }

    private PackageOutcome ship(OrderId orderId) {
        return shipParcel.handle(new ShipParcelCommand(orderId, "DHL", "JD0001", "test")).outcome();
    }
}
