package shop.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random requests for {@code POST /orders} from one seed: random bytes, and valid order bodies with one value replaced
 * by something no order can carry (surrogates by escape and by bytes, noncharacters, overlong and broken UTF-8, NUL,
 * huge numbers, deep nesting, duplicate keys, huge strings), beside valid bodies whose text is random valid Unicode.
 */
final class FuzzRequests {

    /** One request: what it is (for a failure message), headers, body, and whether it is a valid order. */
    record Request(String name, Map<String, String> headers, byte[] body, boolean valid) {
    }

    private static final String[] FIELDS = {"name", "line1", "city", "postalCode"};
    private static final String[] SKUS = {"SKU-1", "SKU-2", "SKU-3", "SKU-4"};

    private final Random random;

    FuzzRequests(long seed) {
        this.random = new Random(seed);
    }

    List<Request> next(int count) {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(10);
            requests.add(kind == 0 ? randomBytes(i) : kind <= 2 ? validOrder(i) : poisoned(i));
        }
        return requests;
    }

    private Request randomBytes(int i) {
        byte[] body = new byte[random.nextInt(3000)];
        random.nextBytes(body);
        return new Request(i + ": " + body.length + " random bytes", json(), body, false);
    }

    private Request validOrder(int i) {
        String name = validText(1 + random.nextInt(40));
        String body = body(SKUS[random.nextInt(SKUS.length)], Integer.toString(1 + random.nextInt(3)), jsonString(name), "\"Berlin\"", "");
        return new Request(i + ": valid order, name of " + name.codePointCount(0, name.length()) + " code points", json(),
                body.getBytes(StandardCharsets.UTF_8), true);
    }

    /** A valid body with one value, or the body's shape, replaced by something that cannot be carried. */
    private Request poisoned(int i) {
        int what = random.nextInt(17);
        String field = FIELDS[random.nextInt(FIELDS.length)];
        String value = switch (what) {
            case 0 -> "\"A\\ud800B\"";                 // lone high surrogate, by escape
            case 1 -> "\"\\udfff\"";                   // lone low surrogate, by escape
            case 2 -> "\"x\\ude00\\ud83d\"";           // a pair in the wrong order
            case 3 -> "\"a\\u0000b\"";                 // NUL, by escape
            case 4 -> "\"\\uffff\\ufdd0\"";            // noncharacters, by escape
            case 5 -> "\"bell\\u0007\\u0085\"";         // C0 and C1 controls
            case 6 -> "\"" + "long".repeat(100 + random.nextInt(3000)) + "\""; // huge string (some over 16 KiB)
            default -> null;
        };
        if (value != null) {
            Map<String, String> headers = json();
            return new Request(i + ": " + field + " = " + value.substring(0, Math.min(value.length(), 24)), headers,
                    bodyWith(field, value).getBytes(StandardCharsets.UTF_8), false);
        }
        byte[][] rawBytes = {
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},               // U+D800 as if it were a character (CESU-8)
                {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},               // U+DFFF likewise
                {(byte) 0xC0, (byte) 0xAF},                            // overlong '/'
                {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},               // overlong '/', 3 bytes
                {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF},  // overlong '/', 4 bytes
                {0},                                                   // a raw NUL inside a string
                {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF},               // U+FFFF, a noncharacter, well-formed UTF-8
                {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBE},  // U+10FFFE, a noncharacter
                {(byte) 0x80},                                         // a lone continuation byte
                {(byte) 0xE2, (byte) 0x82},                            // truncated sequence
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // 5-byte form, not UTF-8
        };
        return switch (what) {
            case 7, 8 -> {
                byte[] raw = rawBytes[random.nextInt(rawBytes.length)];
                String marker = "@@RAW@@";
                byte[] body = spliceBytes(bodyWith(field, "\"A" + marker + "B\"").getBytes(StandardCharsets.UTF_8), marker, raw);
                yield new Request(i + ": " + field + " holds raw bytes " + hex(raw), json(), body, false);
            }
            case 9 -> new Request(i + ": huge quantity", json(), body("SKU-1", new String[] {"1e400", "123456789012345678901234567890",
                    "99999999999", "-0", "1.0", "1e2", "-1", "NaN"}[random.nextInt(8)], "\"A\"", "\"Berlin\"", "").getBytes(StandardCharsets.UTF_8), false);
            case 10 -> {
                int depth = 20 + random.nextInt(5000);
                String nested = "[".repeat(depth) + "]".repeat(depth);
                yield new Request(i + ": nesting " + depth + " deep", json(), ("{\"lines\":" + nested + "}").getBytes(StandardCharsets.UTF_8), false);
            }
            case 11 -> new Request(i + ": duplicate key", json(), body("SKU-1", "1", "\"A\"", "\"Berlin\"",
                    random.nextBoolean() ? ",\"contactEmail\":\"b@example.com\"" : ",\"lines\":[]").getBytes(StandardCharsets.UTF_8), false);
            case 12 -> {
                Map<String, String> headers = json();
                headers.put("Content-Encoding", random.nextBoolean() ? "gzip" : "br");
                yield new Request(i + ": compressed", headers, body("SKU-1", "1", "\"A\"", "\"Berlin\"", "").getBytes(StandardCharsets.UTF_8), false);
            }
            case 13 -> new Request(i + ": name of " + "random JSON", json(), randomJson().getBytes(StandardCharsets.UTF_8), false);
            case 14 -> new Request(i + ": unknown field named by a lone surrogate", json(),
                    bodyWith("name", "\"A\"").replace("{\"lines\"", "{\"\\ud834\":1,\"lines\"").getBytes(StandardCharsets.UTF_8), false);
            case 15 -> new Request(i + ": sku with a surrogate", json(), body("SKU-\\ud800", "1", "\"A\"", "\"Berlin\"", "")
                    .getBytes(StandardCharsets.UTF_8), false);
            default -> new Request(i + ": email with a surrogate", json(), body("SKU-1", "1", "\"A\"", "\"Berlin\"", "")
                    .replace("fuzz@example.com", "fu\\udc00zz@example.com").getBytes(StandardCharsets.UTF_8), false);
        };
    }

    private String bodyWith(String field, String value) {
        return switch (field) {
            case "name" -> body("SKU-1", "1", value, "\"Berlin\"", "");
            case "city" -> body("SKU-1", "1", "\"A\"", value, "");
            case "line1" -> body("SKU-1", "1", "\"A\"", "\"Berlin\"", "").replace("\"1 Fuzz Street\"", value);
            default -> body("SKU-1", "1", "\"A\"", "\"Berlin\"", "").replace("\"10115\"", value);
        };
    }

    private static String body(String sku, String quantity, String name, String city, String extra) {
        return "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}],\"shippingAddress\":{\"name\":" + name
                + ",\"line1\":\"1 Fuzz Street\",\"city\":" + city + ",\"postalCode\":\"10115\",\"country\":\"DE\"},"
                + "\"contactEmail\":\"fuzz@example.com\"" + extra + "}";
    }

    /** Text an order can carry: printable code points of many scripts and planes, no surrogate, control or noncharacter. */
    private String validText(int codePoints) {
        int[][] ranges = {{0x41, 0x7A}, {0xC0, 0x24F}, {0x391, 0x3C9}, {0x410, 0x44F}, {0x5D0, 0x5EA}, {0x627, 0x64A},
                {0x3041, 0x3096}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0x1F600, 0x1F64F}, {0x20000, 0x2A6DF}, {0x300, 0x36F}};
        StringBuilder text = new StringBuilder("N");
        for (int i = 1; i < codePoints; i++) {
            int[] range = ranges[random.nextInt(ranges.length)];
            text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return text.toString();
    }

    private String randomJson() {
        String[] tokens = {"{", "}", "[", "]", ",", ":", "\"lines\"", "\"a\"", "1", "-1e999", "true", "null", "\"\\u", "\\", " "};
        StringBuilder json = new StringBuilder();
        for (int i = random.nextInt(60); i > 0; i--) {
            json.append(tokens[random.nextInt(tokens.length)]);
        }
        return json.toString();
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Map<String, String> json() {
        return new java.util.HashMap<>(Map.of("Content-Type", "application/json"));
    }

    private static byte[] spliceBytes(byte[] body, String marker, byte[] raw) {
        String latin = new String(body, StandardCharsets.ISO_8859_1);
        int at = latin.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.write(raw, 0, raw.length);
        out.write(body, at + marker.length(), body.length - at - marker.length());
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02X ", b));
        }
        return hex.toString().strip();
    }
}
