package shop.platform.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.json.Json;

/**
 * Runs a CloudFormation custom resource (how the deployment seeds tables such as the price list) and reports the
 * outcome to the pre-signed {@code ResponseURL}, as CloudFormation requires: a stack waits up to an hour for
 * an answer, so every failure is reported too. local-cloud sends the same events at start-up.
 */
public final class CustomResource {

    /** The work a custom resource does on Create and Update; Delete leaves the data in place (tables are retained). */
    @FunctionalInterface
    public interface Action {
        /** Returns a short summary for the response's Data, e.g. how many items were written. */
        String apply(JsonNode resourceProperties) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CustomResource.class);

    private CustomResource() {
    }

    public static void handle(InputStream input, OutputStream output, Action action) throws IOException {
        JsonNode event = Json.read(input);
        String requestType = event.path("RequestType").asText();
        String physicalId = event.path("PhysicalResourceId").asText(event.path("LogicalResourceId").asText("seed"));
        ObjectNode response = Json.object();
        response.put("PhysicalResourceId", physicalId);
        response.put("StackId", event.path("StackId").asText());
        response.put("RequestId", event.path("RequestId").asText());
        response.put("LogicalResourceId", event.path("LogicalResourceId").asText());
        try {
            String summary = "Delete".equals(requestType) ? "nothing to do on Delete" : action.apply(event.path("ResourceProperties"));
            response.put("Status", "SUCCESS");
            response.putObject("Data").put("Summary", summary);
            LOG.info("custom resource {} {}: {}", event.path("LogicalResourceId").asText(), requestType, summary);
        } catch (Exception e) {
            LOG.error("custom resource {} {} failed", event.path("LogicalResourceId").asText(), requestType, e);
            response.put("Status", "FAILED");
            response.put("Reason", String.valueOf(e.getMessage()));
        }
        send(event.path("ResponseURL").asText(), Json.bytes(response));
        output.write(Json.bytes(response));
    }

    private static void send(String responseUrl, byte[] body) throws IOException {
        if (responseUrl.isEmpty()) {
            return; // invoked by hand (sam local invoke / local-cloud invoke): the output stream is the answer
        }
        HttpURLConnection connection = (HttpURLConnection) URI.create(responseUrl).toURL().openConnection();
        connection.setRequestMethod("PUT");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "");
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        connection.disconnect();
        if (status / 100 != 2) {
            throw new IOException("CloudFormation response URL answered HTTP " + status);
        }
    }
}
