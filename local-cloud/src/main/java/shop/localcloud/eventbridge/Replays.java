package shop.localcloud.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import shop.localcloud.cloudformation.Model;
import shop.localcloud.common.UserError;

/** Asks a running local-cloud for a replay over the EventBridge API (StartReplay, then DescribeReplay until done). */
public final class Replays {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private Replays() {
    }

    public static String start(String eventsEndpoint, String name, Instant from, Instant to) {
        String request = "{\"ReplayName\":\"" + name + "\",\"EventSourceArn\":\"arn:aws:events:" + Model.REGION + ":" + Model.ACCOUNT
                + ":archive/local\",\"EventStartTime\":" + from.getEpochSecond() + ",\"EventEndTime\":" + to.getEpochSecond() + "}";
        call(eventsEndpoint, "StartReplay", request);
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode replay = call(eventsEndpoint, "DescribeReplay", "{\"ReplayName\":\"" + name + "\"}");
            if (replay.path("State").asText().equals("FAILED")) {
                throw new UserError("replay " + name + " FAILED: " + replay.path("StateReason").asText());
            }
            if (replay.path("State").asText().equals("COMPLETED")) {
                return "replay " + name + " (" + from + " .. " + to + "): " + replay.path("StateReason").asText()
                        + "; the running local-cloud shows their deliveries";
            }
            sleep();
        }
        return "replay " + name + " started; it is still running";
    }

    private static JsonNode call(String endpoint, String operation, String body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "/"))
                    .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", "AWSEvents." + operation)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new UserError(operation + " failed: " + answer.path("__type").asText() + " " + answer.path("message").asText());
            }
            return answer;
        } catch (IOException e) {
            throw new UserError("cannot reach the running local-cloud at " + endpoint + " (" + e.getMessage()
                    + "); is `./local-cloud/run up` still running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
