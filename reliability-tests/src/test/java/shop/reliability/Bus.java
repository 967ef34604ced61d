package shop.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The local bus over the EventBridge wire protocol (what the SDK and CLI send): PutEvents of an event's source,
 * detail-type and detail, and StartReplay/DescribeReplay of the archive. Errors fail the test.
 */
final class Bus {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String endpoint;

    Bus(String endpoint) {
        this.endpoint = endpoint;
    }

    /** Puts the events again (as a producer retrying would: same detail, a new EventBridge id); answers the response. */
    JsonNode put(String busName, List<? extends JsonNode> events) {
        ObjectNode request = Scenario.JSON.createObjectNode();
        ArrayNode entries = request.putArray("Entries");
        for (JsonNode event : events) {
            entries.addObject().put("Source", event.path("source").asText()).put("DetailType", event.path("detail-type").asText())
                    .put("Detail", event.path("detail").toString()).put("EventBusName", busName);
        }
        JsonNode response = call("PutEvents", request.toString());
        if (response.path("FailedEntryCount").asInt() != 0) {
            throw new AssertionError("PutEvents refused entries: " + response);
        }
        return response;
    }

    /** Replays [from, to] of the archive to the rules and waits until the replay has been handed to the targets. */
    int replay(String name, Instant from, Instant to) throws InterruptedException {
        call("StartReplay", "{\"ReplayName\":\"" + name + "\",\"EventSourceArn\":\"arn:aws:events:eu-west-1:123456789012:archive/all\","
                + "\"EventStartTime\":" + from.getEpochSecond() + ",\"EventEndTime\":" + to.getEpochSecond() + "}");
        for (int i = 0; i < 600; i++) {
            JsonNode replay = call("DescribeReplay", "{\"ReplayName\":\"" + name + "\"}");
            if (replay.path("State").asText().equals("COMPLETED")) {
                return Integer.parseInt(replay.path("StateReason").asText().split(" ")[0]);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("replay " + name + " did not complete");
    }

    private JsonNode call(String operation, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/"))
                    .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", "AWSEvents." + operation)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(operation + " answered " + response.statusCode() + ": " + response.body());
            }
            return Scenario.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(operation + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
