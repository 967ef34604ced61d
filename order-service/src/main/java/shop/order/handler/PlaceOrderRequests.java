package shop.order.handler;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import shop.order.application.PlaceOrderCommand;
import shop.order.domain.CustomerId;
import shop.order.domain.EmailAddress;
import shop.order.domain.Order;
import shop.order.domain.OrderLine;
import shop.order.domain.ShippingAddress;
import shop.order.domain.Sku;

/** Turns a {@code POST /orders} request into a PlaceOrderCommand, or refuses it naming every field at fault. */
final class PlaceOrderRequests {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[A-Za-z0-9_-]{8,64}$");

    private PlaceOrderRequests() {
    }

    static PlaceOrderCommand decode(ApiRequest request, CustomerId customer) {
        Optional<String> key = request.header("idempotency-key");
        if (key.isPresent() && !IDEMPOTENCY_KEY.matcher(key.get()).matches()) {
            throw new BadRequest.Problem(400, "Invalid request", "the Idempotency-Key header is invalid",
                    List.of(new BadRequest.FieldError("header:Idempotency-Key", "must be 8..64 letters, digits, '-' or '_'")));
        }
        JsonNode body = JsonBodies.readObject(request);
        JsonBodies.Checker check = new JsonBodies.Checker();
        check.onlyKnownFields(body, "", Set.of("lines", "shippingAddress", "contactEmail"));
        List<PlaceOrderCommand.RequestedLine> lines = lines(body.get("lines"), check);
        ShippingAddress address = address(body.get("shippingAddress"), check);
        EmailAddress email = email(body, check);
        check.throwIfFailed();
        return new PlaceOrderCommand(customer, lines, address, email, key, request.correlationId());
    }

    private static List<PlaceOrderCommand.RequestedLine> lines(JsonNode node, JsonBodies.Checker check) {
        if (node == null || !node.isArray()) {
            check.fail("lines", node == null ? "is required" : "must be an array");
            return List.of();
        }
        if (node.isEmpty() || node.size() > Order.MAX_LINES) {
            check.fail("lines", "must have 1.." + Order.MAX_LINES + " lines");
            return List.of();
        }
        List<PlaceOrderCommand.RequestedLine> lines = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String prefix = "lines[" + i + "].";
            JsonNode line = node.get(i);
            if (!line.isObject()) {
                check.fail("lines[" + i + "]", "must be an object with sku and quantity");
                continue;
            }
            check.onlyKnownFields(line, prefix, Set.of("sku", "quantity"));
            String sku = check.text(line, prefix, "sku", 40, true);
            if (sku != null && !Sku.FORMAT.matcher(sku).matches()) {
                check.fail(prefix + "sku", "must be 1..40 upper-case letters, digits or dashes");
                sku = null;
            } else if (sku != null && !skus.add(sku)) {
                check.fail(prefix + "sku", "appears on an earlier line; put the whole quantity on one line");
                sku = null;
            }
            JsonNode quantity = line.get("quantity");
            Integer count = null;
            if (quantity == null || quantity.isNull()) {
                check.fail(prefix + "quantity", "is required");
            } else if (!quantity.isIntegralNumber() || !quantity.canConvertToInt()
                    || quantity.asInt() < OrderLine.MIN_QUANTITY || quantity.asInt() > OrderLine.MAX_QUANTITY) {
                check.fail(prefix + "quantity", "must be a whole number " + OrderLine.MIN_QUANTITY + ".." + OrderLine.MAX_QUANTITY);
            } else {
                count = quantity.asInt();
            }
            if (sku != null && count != null) {
                lines.add(new PlaceOrderCommand.RequestedLine(new Sku(sku), count));
            }
        }
        return lines;
    }

    private static ShippingAddress address(JsonNode node, JsonBodies.Checker check) {
        if (node == null || !node.isObject()) {
            check.fail("shippingAddress", node == null ? "is required" : "must be an object");
            return null;
        }
        String prefix = "shippingAddress.";
        check.onlyKnownFields(node, prefix, Set.of("name", "line1", "line2", "city", "postalCode", "country"));
        String name = check.text(node, prefix, "name", 100, true);
        String line1 = check.text(node, prefix, "line1", 100, true);
        String line2 = check.text(node, prefix, "line2", 100, false);
        String city = check.text(node, prefix, "city", 60, true);
        String postalCode = check.text(node, prefix, "postalCode", 16, true);
        String country = check.text(node, prefix, "country", 2, true);
        if (country != null) {
            try {
                ShippingAddress.requireCountry(country);
            } catch (IllegalArgumentException e) {
                check.fail(prefix + "country", e.getMessage());
                country = null;
            }
        }
        if (name == null || line1 == null || city == null || postalCode == null || country == null) {
            return null;
        }
        return new ShippingAddress(name, line1, line2 == null || line2.isEmpty() ? null : line2, city, postalCode, country);
    }

    private static EmailAddress email(JsonNode body, JsonBodies.Checker check) {
        String email = check.text(body, "", "contactEmail", 254, true);
        if (email == null) {
            return null;
        }
        try {
            return new EmailAddress(email);
        } catch (IllegalArgumentException e) {
            check.fail("contactEmail", e.getMessage());
            return null;
        }
    }
}
