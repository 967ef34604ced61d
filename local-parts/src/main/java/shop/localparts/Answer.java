package shop.localparts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** One HTTP answer of the DynamoDB JSON protocol, from dynalite or made by the front itself. */
record Answer(int status, Map<String, List<String>> headers, byte[] body) {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String PREFIX = "com.amazonaws.dynamodb.v20120810#";

    static Answer ok(JsonNode body) {
        return of(200, body);
    }

    /** An error as DynamoDB words it: {@code __type} and a lower-case {@code message}. */
    static Answer error(String type, String message) {
        ObjectNode body = JSON.createObjectNode().put("__type", PREFIX + type).put("message", message);
        return of(400, body);
    }

    static Answer of(int status, JsonNode body) {
        try {
            return new Answer(status, Map.of("Content-Type", List.of(CONTENT_TYPE)), JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean succeeded() {
        return status == 200;
    }

    JsonNode json() {
        try {
            return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("dynalite answered " + status + " with a body that is not JSON", e);
        }
    }

    /** The error's short name ({@code ConditionalCheckFailedException}), or "" for a success. */
    String errorType() {
        if (succeeded()) {
            return "";
        }
        String type = json().path("__type").asText("");
        return type.substring(type.indexOf('#') + 1);
    }
}
