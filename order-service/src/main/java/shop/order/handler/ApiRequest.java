package shop.order.handler;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parts of an API Gateway HTTP API (payload format 2.0) request this API reads. The customer comes only
 * from the JWT claims the authorizer verified, never from the body.
 */
record ApiRequest(String routeKey, Map<String, String> headers, Map<String, String> pathParameters, byte[] body,
                  Optional<String> customerId, String requestId) {

    private static final Pattern SAFE_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

    static ApiRequest from(JsonNode event) {
        Map<String, String> headers = new HashMap<>();
        event.path("headers").properties().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText()));
        Map<String, String> path = new HashMap<>();
        event.path("pathParameters").properties().forEach(p -> path.put(p.getKey(), p.getValue().asText()));
        JsonNode body = event.path("body");
        byte[] bytes = new byte[0];
        if (body.isTextual()) {
            bytes = event.path("isBase64Encoded").asBoolean(false)
                    ? decodeBase64(body.asText())
                    : body.asText().getBytes(StandardCharsets.UTF_8);
        }
        JsonNode sub = event.path("requestContext").path("authorizer").path("jwt").path("claims").path("sub");
        String requestId = event.path("requestContext").path("requestId").asText("");
        return new ApiRequest(event.path("routeKey").asText(""), headers, path, bytes,
                sub.isTextual() && !sub.asText().isBlank() ? Optional.of(sub.asText()) : Optional.empty(), requestId);
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest.Problem(400, "Body is not valid base64", "the request body could not be decoded", null);
        }
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The body as text, refusing bytes that are not UTF-8 rather than silently replacing them. */
    String bodyText() {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequest.Problem(400, "Body is not UTF-8", "the request body must be UTF-8 encoded JSON", null);
        }
    }

    /** The caller's correlation id if it is a safe token, else the API Gateway request id. */
    String correlationId() {
        return header("x-correlation-id").filter(id -> SAFE_ID.matcher(id).matches())
                .orElse(requestId.isEmpty() ? java.util.UUID.randomUUID().toString() : requestId);
    }
}
