package shop.order.handler;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import shop.platform.json.Json;
import shop.platform.text.Text;

/** Reads a JSON request body under the API's limits, and checks objects field by field, collecting every error. */
final class JsonBodies {

    static final int MAX_BODY_BYTES = 16 * 1024;

    private JsonBodies() {
    }

    static JsonNode readObject(ApiRequest request) {
        String contentType = request.header("content-type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).matches("^application/json\\s*(;.*)?$")) {
            throw new BadRequest.Problem(415, "Unsupported media type", "send the body as application/json", null);
        }
        String encoding = request.header("content-encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        if (!encoding.isEmpty() && !encoding.equals("identity")) {
            // API Gateway passes a compressed body through as it came: reading it as JSON would only fail later
            throw new BadRequest.Problem(415, "Unsupported content encoding", "send the body uncompressed",
                    List.of(new BadRequest.FieldError("header:Content-Encoding", "must be absent or identity")));
        }
        if (request.body().length > MAX_BODY_BYTES) {
            throw new BadRequest.Problem(413, "Body too large", "the body must be at most " + MAX_BODY_BYTES + " bytes", null);
        }
        JsonNode root;
        try {
            root = Json.read(request.bodyText());
        } catch (IOException e) { // a string has nothing to fail on but its JSON
            throw new BadRequest.Problem(400, "Malformed JSON", "the body is not valid JSON", null);
        }
        if (root == null || !root.isObject()) {
            throw new BadRequest.Problem(400, "Invalid request", "the body must be a JSON object",
                    List.of(new BadRequest.FieldError("$", "must be a JSON object")));
        }
        return root;
    }

    /** Collects field errors while a body is checked, so the client sees all of them at once. */
    static final class Checker {
        private final List<BadRequest.FieldError> errors = new ArrayList<>();

        void fail(String field, String reason) {
            errors.add(new BadRequest.FieldError(field, reason));
        }

        void onlyKnownFields(JsonNode object, String prefix, Set<String> known) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    // a name that is not text is not echoed back: the problem itself must be valid JSON text
                    fail(prefix + (Text.carriable(name) ? name : "(a name that is not valid text)"), "is not a known field");
                }
            }
        }

        String text(JsonNode object, String prefix, String name, int max, boolean required) {
            JsonNode value = object.get(name);
            if (value == null || value.isNull()) {
                if (required) {
                    fail(prefix + name, "is required");
                }
                return null;
            }
            if (!value.isTextual()) {
                fail(prefix + name, "must be a string");
                return null;
            }
            String problem = Text.problem(value.textValue());
            if (problem != null) {
                fail(prefix + name, problem);
                return null;
            }
            String text = value.asText().strip();
            if (required && text.isEmpty()) {
                fail(prefix + name, "must not be blank");
                return null;
            }
            if (text.length() > max) {
                fail(prefix + name, "must be at most " + max + " characters");
                return null;
            }
            return text;
        }

        boolean ok() {
            return errors.isEmpty();
        }

        void throwIfFailed() {
            if (!errors.isEmpty()) {
                throw new BadRequest.Problem(400, "Invalid request", "the request has " + errors.size() + " invalid field(s)", errors);
            }
        }
    }
}
