package shop.order.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import shop.platform.json.Json;

/**
 * Problem details (RFC 9457) for refused requests: a type, a title, the status, a detail, and for invalid
 * input the fields at fault with the reason for each. Nothing in them echoes the submitted values.
 */
final class BadRequest {

    static final String TYPE_BASE = "https://shop.example/problems/";

    private BadRequest() {
    }

    /** One field at fault and why, e.g. {@code lines[2].quantity}: must be 1..100. */
    record FieldError(String field, String reason) {
    }

    /** A refusal, thrown anywhere in decoding and turned into its problem response by the handler. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final int status;
        private final String title;
        private final List<FieldError> errors;

        Problem(int status, String title, String detail, List<FieldError> errors) {
            super(detail, null, false, false);
            this.status = status;
            this.title = title;
            this.errors = errors == null ? List.of() : List.copyOf(errors);
        }

        int status() {
            return status;
        }

        ApiResponse toResponse(String instance) {
            return BadRequest.response(status, title, getMessage(), instance, errors);
        }
    }

    static ApiResponse response(int status, String title, String detail, String instance, List<FieldError> errors) {
        ObjectNode problem = Json.object();
        problem.put("type", TYPE_BASE + slug(title));
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        if (!errors.isEmpty()) {
            ArrayNode list = problem.putArray("errors");
            errors.forEach(e -> list.addObject().put("field", e.field()).put("reason", e.reason()));
        }
        return ApiResponse.problem(status, problem);
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
