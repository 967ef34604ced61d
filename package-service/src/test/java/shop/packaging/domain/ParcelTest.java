package shop.packaging.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParcelTest {

    private static final ShippingAddress ADDRESS = new ShippingAddress("Alex Example", "1 Example Street",
            Optional.empty(), "Exampleton", "EX1 2MP", "GB");
    private static final Recipient RECIPIENT = new Recipient("customer-1", "alex@example.com");

    @Test
    void a_parcel_printed_into_a_log_does_not_show_the_address() {
        Parcel parcel = Parcel.toPick(new OrderId(UUID.randomUUID().toString()), List.of(new ParcelLine("SKU-1", 1)), ADDRESS, RECIPIENT);

        assertFalse(parcel.toString().contains("Example Street"), parcel.toString());
        assertFalse(parcel.toString().contains("Alex"), parcel.toString());
        assertFalse(parcel.toString().contains("alex@example.com"), parcel.toString());
    }

    @Test
    void only_a_parcel_to_pick_ships_and_a_shipped_one_keeps_how() {
        Parcel parcel = Parcel.toPick(new OrderId(UUID.randomUUID().toString()), List.of(new ParcelLine("SKU-1", 1)), ADDRESS, RECIPIENT);
        Shipment how = new Shipment("DHL", "JD0001", java.time.Instant.parse("2026-01-15T12:00:00Z"));

        Parcel shipped = parcel.ship(how);

        assertEquals(ParcelStatus.SHIPPED, shipped.status());
        assertEquals(Optional.of(how), shipped.shipment());
        assertThrows(IllegalStateException.class, () -> shipped.ship(how));
        assertThrows(IllegalArgumentException.class, () -> new Shipment(" ", "JD0001", how.shippedAt()));
    }

    @Test
    void a_cancellation_cancels_what_has_not_shipped_and_returns_what_has() {
        assertEquals(ParcelStatus.CANCELLED, ParcelStatus.TO_PICK.cancelled());
        assertEquals(ParcelStatus.RETURN_REQUESTED, ParcelStatus.SHIPPED.cancelled());
        assertEquals(ParcelStatus.RETURN_REQUESTED, ParcelStatus.RETURN_REQUESTED.cancelled());
        assertEquals(ParcelStatus.CANCELLED_BEFORE_CONFIRMED, ParcelStatus.CANCELLED_BEFORE_CONFIRMED.cancelled());
    }

    @Test
    void a_parcel_with_nothing_in_it_cannot_exist() {
        assertThrows(IllegalArgumentException.class,
                () -> Parcel.toPick(new OrderId(UUID.randomUUID().toString()), List.of(), ADDRESS, RECIPIENT));
    }

    @Test
    void an_address_whose_country_is_not_a_two_letter_code_cannot_exist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ShippingAddress("Alex", "1 Street",
                Optional.empty(), "Town", "EX1", "Great Britain"));
        assertFalse(e.getMessage().contains("Great Britain"));
    }
}
