package shop.localcloud.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import shop.localcloud.cloudformation.Model.JwtAuthorizerSpec;

/**
 * What API Gateway's JWT authorizer checks before a route's function runs: the token from the identity source,
 * RS256 signed by the issuer's key (kid), {@code iss}, {@code aud} (or {@code client_id} when there is no aud),
 * {@code exp}, {@code nbf} and {@code iat}. A refusal says why, as API Gateway's {@code www-authenticate} does.
 */
final class JwtCheck {

    /** The claims the route's function gets, or why the token is refused (exactly one of the two is set). */
    record Verdict(ObjectNode claims, String refusal) {

        static Verdict refused(String why) {
            return new Verdict(null, why);
        }

        boolean accepted() {
            return claims != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublicKey key;

    JwtCheck(PublicKey key) {
        this.key = key;
    }

    /** Checks the {@code Authorization} header's value (with or without "Bearer ") for {@code authorizer} at {@code now}. */
    Verdict check(String authorization, JwtAuthorizerSpec authorizer, Instant now) {
        if (authorization == null || authorization.isBlank()) {
            return Verdict.refused("the identity source is missing");
        }
        String token = authorization.trim().regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.trim().substring(7).trim() : authorization.trim();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Verdict.refused("the token is not a valid JWT");
        }
        JsonNode header;
        JsonNode payload;
        byte[] signature;
        try {
            Base64.Decoder url = Base64.getUrlDecoder();
            header = JSON.readTree(url.decode(parts[0]));
            payload = JSON.readTree(url.decode(parts[1]));
            signature = url.decode(parts[2]);
        } catch (Exception e) {
            return Verdict.refused("the token is not a valid JWT");
        }
        if (header == null || !header.isObject() || payload == null || !payload.isObject()) {
            return Verdict.refused("the token is not a valid JWT");
        }
        if (!"RS256".equals(header.path("alg").asText())) {
            return Verdict.refused("signing method " + header.path("alg").asText() + " is invalid");
        }
        if (!LocalIssuer.KEY_ID.equals(header.path("kid").asText())) {
            return Verdict.refused("the token's kid is not a key of the issuer");
        }
        if (!signed(parts[0] + "." + parts[1], signature)) {
            return Verdict.refused("the token's signature is invalid");
        }
        if (!authorizer.issuer().equals(payload.path("iss").asText())) {
            return Verdict.refused("the token does not have a valid issuer");
        }
        if (!validAudience(payload, authorizer)) {
            return Verdict.refused("the token does not have a valid audience");
        }
        long seconds = now.getEpochSecond();
        if (!payload.path("exp").canConvertToLong() || payload.path("exp").asLong() <= seconds) {
            return Verdict.refused("the token has expired");
        }
        if (payload.has("nbf") && payload.path("nbf").asLong() > seconds) {
            return Verdict.refused("the token is not valid yet");
        }
        if (payload.has("iat") && payload.path("iat").asLong() > seconds) {
            return Verdict.refused("the token was issued in the future");
        }
        return new Verdict(claims(payload), null);
    }

    private boolean signed(String signingInput, byte[] signature) {
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return rs256.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** API Gateway checks {@code aud} when present, {@code client_id} only when there is no {@code aud}. */
    private static boolean validAudience(JsonNode payload, JwtAuthorizerSpec authorizer) {
        JsonNode aud = payload.get("aud");
        if (aud != null) {
            if (aud.isArray()) {
                for (JsonNode one : aud) {
                    if (authorizer.audience().contains(one.asText())) {
                        return true;
                    }
                }
                return false;
            }
            return authorizer.audience().contains(aud.asText());
        }
        return payload.has("client_id") && authorizer.audience().contains(payload.path("client_id").asText());
    }

    /** The claims as API Gateway passes them on: every value a string, arrays as "[a b]". */
    private static ObjectNode claims(JsonNode payload) {
        ObjectNode claims = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> claim : payload.properties()) {
            JsonNode value = claim.getValue();
            if (value.isArray()) {
                StringBuilder joined = new StringBuilder("[");
                value.forEach(v -> joined.append(joined.length() > 1 ? " " : "").append(v.asText()));
                claims.put(claim.getKey(), joined.append(']').toString());
            } else {
                claims.put(claim.getKey(), value.isTextual() ? value.asText() : value.toString());
            }
        }
        return claims;
    }
}
