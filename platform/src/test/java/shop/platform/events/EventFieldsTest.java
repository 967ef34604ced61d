package shop.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.platform.json.Json;

class EventFieldsTest {

    private static EventFields data(String json) {
        try {
            return EventFields.of(Json.read(json), "data");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String refusal(Runnable read) {
        return assertThrows(MalformedEventException.class, read::run).getMessage();
    }

    @Test
    void a_text_field_is_read_when_present_and_not_blank() {
        assertEquals("A-1", data("{\"orderId\":\"A-1\"}").text("orderId"));
    }

    @Test
    void a_missing_blank_or_non_string_text_is_refused_by_its_path_without_its_value() {
        assertEquals("data.orderId is missing or not a string", refusal(() -> data("{}").text("orderId")));
        assertEquals("data.orderId is missing or not a string", refusal(() -> data("{\"orderId\":\"  \"}").text("orderId")));
        assertEquals("data.orderId is missing or not a string", refusal(() -> data("{\"orderId\":7}").text("orderId")));
    }

    @Test
    void an_optional_text_is_empty_when_absent_null_or_blank_and_refused_when_not_a_string() {
        assertEquals(Optional.empty(), data("{}").optionalText("line2"));
        assertEquals(Optional.empty(), data("{\"line2\":null}").optionalText("line2"));
        assertEquals(Optional.empty(), data("{\"line2\":\" \"}").optionalText("line2"));
        assertEquals(Optional.of("Flat 2"), data("{\"line2\":\"Flat 2\"}").optionalText("line2"));
        assertEquals("data.line2 is not a string", refusal(() -> data("{\"line2\":[]}").optionalText("line2")));
    }

    @Test
    void an_optional_integer_may_be_absent_or_null_and_is_refused_when_not_an_int() {
        assertEquals(Optional.empty(), data("{}").optionalInteger("unitCount"));
        assertEquals(Optional.empty(), data("{\"unitCount\":null}").optionalInteger("unitCount"));
        assertEquals(Optional.of(5), data("{\"unitCount\":5}").optionalInteger("unitCount"));
        for (String count : List.of("2.5", "\"2\"", "2147483648")) {
            assertEquals("data.unitCount is not an integer",
                    refusal(() -> data("{\"unitCount\":" + count + "}").optionalInteger("unitCount")), count);
        }
    }

    @Test
    void an_integer_is_integral_and_fits_an_int() {
        assertEquals(3, data("{\"quantity\":3}").integer("quantity"));
        for (String quantity : List.of("2.5", "\"2\"", "2147483648", "null")) {
            assertEquals("data.quantity is missing or not an integer",
                    refusal(() -> data("{\"quantity\":" + quantity + "}").integer("quantity")), quantity);
        }
    }

    @Test
    void an_instant_is_iso_8601_utc() {
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), data("{\"at\":\"2026-01-01T00:00:00Z\"}").instant("at"));
        assertEquals("data.at is not an ISO-8601 UTC timestamp", refusal(() -> data("{\"at\":\"yesterday\"}").instant("at")));
        assertEquals("data.at is missing or not a string", refusal(() -> data("{}").instant("at")));
    }

    @Test
    void nested_objects_and_array_elements_are_named_by_their_whole_path() {
        EventFields data = data("{\"address\":{\"city\":\"\"},\"lines\":[{\"sku\":\"A\"},{\"quantity\":1}]}");

        assertEquals("data.address.city is missing or not a string", refusal(() -> data.object("address").text("city")));
        List<EventFields> lines = data.objects("lines");
        assertEquals("data.lines[0]", lines.get(0).path());
        assertEquals("A", lines.get(0).text("sku"));
        assertEquals("data.lines[1].sku is missing or not a string", refusal(() -> lines.get(1).text("sku")));
        assertEquals("data.shipping is missing or not an object", refusal(() -> data.object("shipping")));
    }

    @Test
    void a_list_is_a_non_empty_array_of_the_expected_kind() {
        assertEquals(List.of("A", "B"), data("{\"skus\":[\"A\",\"B\"]}").texts("skus"));
        assertEquals("data.skus is missing or empty", refusal(() -> data("{\"skus\":[]}").texts("skus")));
        assertEquals("data.skus is missing or empty", refusal(() -> data("{}").texts("skus")));
        assertEquals("data.skus[1] is not a string", refusal(() -> data("{\"skus\":[\"A\",\" \"]}").texts("skus")));
        assertEquals("data.lines[0] is missing or not an object", refusal(() -> data("{\"lines\":[\"A\"]}").objects("lines")));
    }

    @Test
    void a_value_the_context_type_refuses_is_refused_with_the_type_reason_and_the_field_path() {
        EventFields data = data("{\"email\":\"ada@example.com\"}");

        String reason = refusal(() -> data.valid("email", () -> {
            throw new IllegalArgumentException("email must be at most 5 characters");
        }));

        assertEquals("data.email is invalid: email must be at most 5 characters", reason);
        assertFalse(reason.contains("ada"));
        assertEquals("hello", data.valid("email", () -> "hello"));
    }

    @Test
    void something_that_is_not_an_object_is_refused_at_the_start() {
        assertEquals("request is missing or not an object", refusal(() -> EventFields.of(Json.array(), "request")));
        assertEquals("request is missing or not an object", refusal(() -> EventFields.of(null, "request")));
    }
}
