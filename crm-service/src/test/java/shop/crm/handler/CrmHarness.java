package shop.crm.handler;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import shop.testsupport.LambdaTestContext;
import shop.testsupport.SampleEvents;

/** Shared steps of the CRM handler tests: invoke with a sample file, or with a variant of one. */
final class CrmHarness {

    static final ObjectMapper JSON = new ObjectMapper();

    private CrmHarness() {
    }

    static JsonNode sample(String name) {
        return SampleEvents.json("crm-service/" + name);
    }

    static String data(String sample, String field) {
        return sample(sample).path("detail").path("data").path(field).asText();
    }

    /** The sample as another event: a fresh eventId and EventBridge id, and the given data fields replaced. */
    static JsonNode variant(String sample, Map<String, String> data) {
        ObjectNode event = (ObjectNode) sample(sample);
        event.put("id", UUID.randomUUID().toString());
        ((ObjectNode) event.path("detail").path("metadata")).put("eventId", UUID.randomUUID().toString());
        ObjectNode fields = (ObjectNode) event.path("detail").path("data");
        data.forEach(fields::put);
        return event;
    }

    static String outcome(RequestStreamHandler handler, String sample) {
        return invoke(handler, SampleEvents.bytes("crm-service/" + sample)).path("outcome").asText();
    }

    static String outcome(RequestStreamHandler handler, JsonNode event) {
        return invoke(handler, event).path("outcome").asText();
    }

    static JsonNode invoke(RequestStreamHandler handler, JsonNode request) {
        try {
            return invoke(handler, JSON.writeValueAsBytes(request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode invoke(RequestStreamHandler handler, byte[] request) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(request), output, new LambdaTestContext("crm-test"));
            return JSON.readTree(output.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
