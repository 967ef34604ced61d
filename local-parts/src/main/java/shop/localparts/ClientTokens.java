package shop.localparts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TransactWriteItems' ClientRequestToken: the SDK fills one in and sends it again on its retries, so a retry of a
 * transaction that did succeed must answer success without applying it twice. Remembered for AWS's 10 minutes.
 */
final class ClientTokens {

    enum Seen { NEW, SAME_REQUEST, OTHER_REQUEST }

    private record Use(String digest, long atNanos) {
    }

    private final long windowNanos;
    private final Map<String, Use> succeeded = new LinkedHashMap<>();

    ClientTokens(Duration window) {
        this.windowNanos = window.toNanos();
    }

    synchronized Seen check(String token, String digest) {
        forgetExpired();
        Use use = succeeded.get(token);
        return use == null ? Seen.NEW : use.digest().equals(digest) ? Seen.SAME_REQUEST : Seen.OTHER_REQUEST;
    }

    synchronized void succeeded(String token, String digest) {
        succeeded.put(token, new Use(digest, System.nanoTime()));
    }

    private void forgetExpired() {
        long now = System.nanoTime();
        Iterator<Use> oldestFirst = succeeded.values().iterator();
        while (oldestFirst.hasNext() && now - oldestFirst.next().atNanos() > windowNanos) {
            oldestFirst.remove();
        }
    }

    /** A digest of the request without its token, independent of the order of its JSON fields. */
    static String digest(JsonNode request) {
        ObjectNode withoutToken = request.deepCopy();
        withoutToken.remove("ClientRequestToken");
        try {
            Object plain = Answer.JSON.treeToValue(withoutToken, Object.class);
            byte[] canonical = Answer.JSON.writer(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsBytes(plain);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (java.io.IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
