package shop.notification.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import shop.localparts.LocalAwsClients;
import shop.testsupport.LambdaTestContext;
import shop.testsupport.SampleEvents;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Shared steps of the handler tests: invoke with a sample file, build a local SES client. */
final class NotificationHarness {

    static final String SENDER = "orders@shop.example";
    static final ObjectMapper JSON = new ObjectMapper();

    private NotificationHarness() {
    }

    static String invoke(BusEventHandler handler, String sample) {
        return invoke(handler, SampleEvents.bytes("notification-service/" + sample));
    }

    static String invoke(BusEventHandler handler, JsonNode event) {
        try {
            return invoke(handler, JSON.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String invoke(BusEventHandler handler, byte[] event) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), output, new LambdaTestContext("notification-test"));
            return JSON.readTree(output.toByteArray()).path("outcome").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode sample(String name) {
        return SampleEvents.json("notification-service/" + name);
    }

    /** With the SDK's retries, as the function's SES client has them. */
    static SesV2Client sesClient(String endpoint) {
        return LocalAwsClients.retrying(SesV2Client.builder(), endpoint);
    }
}
