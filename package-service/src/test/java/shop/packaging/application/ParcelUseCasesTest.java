package shop.packaging.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.packaging.domain.OrderId;
import shop.packaging.domain.Parcel;
import shop.packaging.domain.ParcelLine;
import shop.packaging.domain.ParcelStatus;
import shop.packaging.domain.Recipient;
import shop.packaging.domain.ShippingAddress;

/**
 * The use cases' paths no real table reaches on demand: a parcel that keeps changing under a write (each use case gives
 * up after three lost writes and asks for a retry), a parcel stored before recipients were kept, one that vanished.
 */
class ParcelUseCasesTest {

    private static final OrderId ORDER = new OrderId("3f0c1c9e-0000-4000-8000-000000000001");
    private static final ShippingAddress ADDRESS = new ShippingAddress("Alex Example", "1 Example Street",
            Optional.empty(), "Exampleton", "EX1 2MP", "GB");
    private static final Recipient RECIPIENT = new Recipient("customer-1", "alex@example.com");
    private static final List<ParcelLine> LINES = List.of(new ParcelLine("SKU-1", 2));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);

    private final List<OwedEvent> published = new ArrayList<>();

    @Test
    void a_shipment_whose_every_write_is_lost_gives_up_after_three_and_publishes_nothing() {
        LosingParcels parcels = new LosingParcels(Optional.of(Parcel.toPick(ORDER, LINES, ADDRESS, RECIPIENT)));
        ShipParcel ship = new ShipParcel(parcels, published::add, CLOCK);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ship.handle(new ShipParcelCommand(ORDER, "DHL", "JD0001", "corr-1")));

        assertTrue(e.getMessage().endsWith("retry"), e.getMessage());
        assertEquals(3, parcels.writes);
        assertEquals(List.of(), published);
    }

    @Test
    void a_cancellation_whose_every_write_is_lost_gives_up_after_three() {
        LosingParcels parcels = new LosingParcels(Optional.of(Parcel.toPick(ORDER, LINES, ADDRESS, RECIPIENT)));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new CancelParcel(parcels).handle(new OrderCancelled("event-1", ORDER)));

        assertTrue(e.getMessage().endsWith("retry"), e.getMessage());
        assertEquals(3, parcels.writes);
    }

    @Test
    void a_cancellation_before_the_parcel_whose_tombstone_is_always_lost_gives_up_after_three() {
        LosingParcels parcels = new LosingParcels(Optional.empty());

        assertThrows(IllegalStateException.class, () -> new CancelParcel(parcels).handle(new OrderCancelled("event-1", ORDER)));

        assertEquals(3, parcels.writes);
    }

    @Test
    void a_parcel_stored_without_its_recipient_is_not_shipped_since_it_could_not_be_announced() {
        Parcel withoutRecipient = new Parcel(ORDER, ParcelStatus.TO_PICK, LINES, ADDRESS, Optional.empty(), Optional.empty());
        LosingParcels parcels = new LosingParcels(Optional.of(withoutRecipient));

        ShipParcel.Result result = new ShipParcel(parcels, published::add, CLOCK)
                .handle(new ShipParcelCommand(ORDER, "DHL", "JD0001", "corr-1"));

        assertEquals(PackageOutcome.NOT_SHIPPABLE, result.outcome());
        assertEquals(Optional.of(withoutRecipient), result.parcel());
        assertEquals(0, parcels.writes);
        assertEquals(List.of(), published);
    }

    @Test
    void an_order_confirmed_whose_parcel_is_neither_created_nor_found_is_an_error_to_retry() {
        LosingParcels parcels = new LosingParcels(Optional.empty());
        OrderConfirmed confirmed = new OrderConfirmed("event-1", ORDER, LINES, ADDRESS, RECIPIENT);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new CreateParcel(parcels).handle(confirmed));

        assertTrue(e.getMessage().contains(ORDER.value()), e.getMessage());
    }

    /** A table where another writer always gets in first: every conditional write is lost, and the parcel read stays as given. */
    private static final class LosingParcels implements Parcels {
        private final Optional<Parcel> stored;
        int writes;

        LosingParcels(Optional<Parcel> stored) {
            this.stored = stored;
        }

        @Override
        public boolean create(Parcel parcel, String eventId) {
            writes++;
            return false;
        }

        @Override
        public boolean tombstone(OrderId orderId, String eventId) {
            writes++;
            return false;
        }

        @Override
        public Optional<Parcel> find(OrderId orderId) {
            return stored;
        }

        @Override
        public boolean move(OrderId orderId, ParcelStatus from, ParcelStatus to, String cause) {
            writes++;
            return false;
        }

        @Override
        public boolean ship(Parcel shipped, OwedEvent owed) {
            writes++;
            return false;
        }
    }
}
