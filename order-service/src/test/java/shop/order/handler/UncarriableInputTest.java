package shop.order.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.order.application.PlaceOrderCommand;
import shop.order.domain.CustomerId;
import shop.order.domain.EmailAddress;
import shop.order.domain.ShippingAddress;
import shop.order.domain.Sku;
import shop.platform.events.UnsendableEventException;

/** Issue 21: text the API cannot carry end to end is refused at the door, naming the field, and nothing is stored. */
class UncarriableInputTest {

    @RegisterExtension
    static final OrderServiceFixture fixture = new OrderServiceFixture();

    /** {@code escape}: what replaces "Alice Example" in the body, as JSON text (a backslash escape stays an escape). */
    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            "a lone high surrogate by escape | name | A\\ud800B | must be valid Unicode (it holds a lone surrogate)",
            "a lone low surrogate by escape | name | \\udc00 | must be valid Unicode (it holds a lone surrogate)",
            "a reversed pair by escape | name | \\ude00\\ud83d | must be valid Unicode (it holds a lone surrogate)",
            "NUL by escape | name | A\\u0000B | must not contain control characters",
            "a noncharacter | name | \\uffff | must not contain Unicode noncharacters",
    })
    void text_that_is_not_valid_unicode_is_a_400_naming_the_field_and_stores_nothing(String what, String field, String escape,
                                                                                  String reason) {
        OrderServiceFixture.Response response = fixture.call("place-order.json",
                event -> event.put("body", event.path("body").asText().replace("Alice Example", escape)));

        assertEquals(400, response.status(), what);
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertEquals("shippingAddress." + field, response.body().at("/errors/0/field").asText());
        assertEquals(reason, response.body().at("/errors/0/reason").asText());
        assertEquals(0, fixture.storedItems());
        assertEquals(0, fixture.bus.events().size());
    }

    @Test
    void a_surrogate_encoded_as_utf8_bytes_is_a_400() {
        byte[] body = shop.testsupport.SampleEvents.json("order-service/place-order.json").path("body").asText().replace("Alice Example", "A@@B").getBytes(StandardCharsets.UTF_8);
        byte[] bad = new String(body, StandardCharsets.ISO_8859_1).replace("@@", "\u00ed\u00a0\u0080")
                .getBytes(StandardCharsets.ISO_8859_1); // ED A0 80: U+D800 written as if it were a character
        OrderServiceFixture.Response response = fixture.call("place-order.json", event -> {
            event.put("isBase64Encoded", true);
            event.put("body", Base64.getEncoder().encodeToString(bad));
        });

        assertEquals(400, response.status());
        assertEquals(0, fixture.storedItems());
    }

    @Test
    void a_compressed_body_is_a_415_naming_the_header() {
        OrderServiceFixture.Response response = fixture.call("place-order.json",
                event -> ((ObjectNode) event.path("headers")).put("content-encoding", "gzip"));

        assertEquals(415, response.status());
        assertEquals("header:Content-Encoding", response.body().at("/errors/0/field").asText());
        assertEquals(0, fixture.storedItems());
    }

    @Test
    void an_unknown_field_whose_name_is_not_text_is_named_without_echoing_it() {
        OrderServiceFixture.Response response = fixture.call("place-order.json",
                event -> event.put("body", event.path("body").asText().replace("{\"lines\"", "{\"x\\ud800\": 1, \"lines\"")));

        assertEquals(400, response.status());
        String named = StreamSupport.stream(response.body().path("errors").spliterator(), false)
                .map(e -> e.path("field").asText()).collect(Collectors.joining(" "));
        assertEquals("(a name that is not valid text)", named);
        assertTrue(response.body().toString().chars().noneMatch(c -> Character.isSurrogate((char) c)));
    }

    @Test
    void a_token_subject_that_is_not_text_is_a_401() {
        OrderServiceFixture.Response response = fixture.call("place-order.json", event -> ((ObjectNode) event
                .at("/requestContext/authorizer/jwt/claims")).put("sub", "alice\ud800"));

        assertEquals(401, response.status());
        assertEquals(0, fixture.storedItems());
    }

    @Test
    void an_order_whose_OrderPlaced_breaks_its_schema_is_refused_before_anything_is_stored() {
        // the API refuses such a subject (above); the producer's own check is the last line if a path lets one through
        PlaceOrderCommand command = new PlaceOrderCommand(new CustomerId("alice\u0007"),
                List.of(new PlaceOrderCommand.RequestedLine(new Sku("SKU-1"), 1)),
                new ShippingAddress("Alice", "1 Main St", null, "Berlin", "10115", "DE"), new EmailAddress("alice@example.com"),
                Optional.empty(), "corr-1");

        UnsendableEventException refused = assertThrows(UnsendableEventException.class,
                () -> Wiring.placeOrder(fixture.config, fixture.dynamo, fixture.events, Clock.systemUTC()).place(command));

        assertEquals(List.of("/data/customerId: must not contain control characters"), refused.violations());
        assertEquals(0, fixture.storedItems(), "no order, no owed event");
        assertEquals(0, fixture.bus.events().size());
    }
}
