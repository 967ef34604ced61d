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

    @Test
    void a_parcel_printed_into_a_log_does_not_show_the_address() {
        Parcel parcel = Parcel.toPick(new OrderId(UUID.randomUUID().toString()), List.of(new ParcelLine("SKU-1", 1)), ADDRESS);

        assertFalse(parcel.toString().contains("Example Street"), parcel.toString());
        assertFalse(parcel.toString().contains("Alex"), parcel.toString());
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
                () -> Parcel.toPick(new OrderId(UUID.randomUUID().toString()), List.of(), ADDRESS));
    }

    @Test
    void an_address_whose_country_is_not_a_two_letter_code_cannot_exist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ShippingAddress("Alex", "1 Street",
                Optional.empty(), "Town", "EX1", "Great Britain"));
        assertFalse(e.getMessage().contains("Great Britain"));
    }
}
