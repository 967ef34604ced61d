package shop.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The size of a DynamoDB item in its wire form ({@code {"pk": {"S": "..."}, ...}}) as DynamoDB bills it: attribute names
 * and strings in UTF-8 bytes, a number about one byte per two significant digits plus one, a map or list 3 bytes plus one
 * per element, booleans and nulls one byte. A write takes one unit per started KB of the larger of the item before and
 * after it, a transactional write twice that; so the capacity harness needs the size, which the local DynamoDB does not bill.
 */
final class ItemSize {

    private ItemSize() {
    }

    /** Bytes of an item (a JSON object of attribute name to typed value); 0 for a missing item. */
    static int of(JsonNode item) {
        if (item == null || item.isMissingNode() || item.isNull()) {
            return 0;
        }
        int size = 0;
        for (Map.Entry<String, JsonNode> attribute : item.properties()) {
            size += utf8(attribute.getKey()) + value(attribute.getValue());
        }
        return size;
    }

    /** Write units of one write: the larger size, in started KB (at least 1), doubled when the write is part of a transaction. */
    static int writeUnits(int bytesBefore, int bytesAfter, boolean transactional) {
        int units = Math.max(1, (Math.max(bytesBefore, bytesAfter) + 1023) / 1024);
        return transactional ? 2 * units : units;
    }

    private static int value(JsonNode typed) {
        Map.Entry<String, JsonNode> only = typed.properties().iterator().next();
        JsonNode v = only.getValue();
        return switch (only.getKey()) {
            case "S" -> utf8(v.asText());
            case "N" -> number(v.asText());
            case "B" -> java.util.Base64.getDecoder().decode(v.asText()).length;
            case "BOOL", "NULL" -> 1;
            case "SS" -> sum(v, n -> utf8(n.asText()));
            case "NS" -> sum(v, n -> number(n.asText()));
            case "BS" -> sum(v, n -> java.util.Base64.getDecoder().decode(n.asText()).length);
            case "L" -> 3 + sum(v, n -> 1 + value(n));
            case "M" -> 3 + v.size() + of(v);
            default -> throw new IllegalArgumentException("not a DynamoDB attribute type: " + only.getKey());
        };
    }

    private static int number(String text) {
        BigDecimal n = new BigDecimal(text).stripTrailingZeros();
        if (n.signum() == 0) {
            return 1;
        }
        int digits = n.unscaledValue().abs().toString().length();
        return 1 + (digits + 1) / 2 + (n.signum() < 0 ? 1 : 0);
    }

    private static int sum(JsonNode array, java.util.function.ToIntFunction<JsonNode> size) {
        int total = 0;
        for (JsonNode element : array) {
            total += size.applyAsInt(element);
        }
        return total;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
