package shop.localcloud.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.TestSystem;
import shop.localparts.LocalAwsClients;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;

/** Issue 21: one bad event, a crash mid-write or a damaged file never poisons local-cloud's archive or a replay. */
class ArchiveSurvivesTest {

    private static final String ARN = "arn:aws:events:eu-west-1:123456789012:";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    TestSystem system;
    EventBridgeClient events;
    Path archive;

    @BeforeEach
    void start() {
        system = new TestSystem(dir);
        events = LocalAwsClients.retrying(EventBridgeClient.builder(), system.cloud.edgeEndpoint());
        archive = dir.resolve("data/archive.jsonl");
    }

    @AfterEach
    void stop() {
        events.close();
        system.close();
    }

    @Test
    void a_detail_holding_a_lone_surrogate_is_a_MalformedDetail_entry_and_the_archive_stays_whole() throws Exception {
        put("{\"name\":\"ok\"}");
        long sizeBefore = Files.size(archive);

        JsonNode answer = putRaw("{\\\"name\\\":\\\"A\\\\ud800B\\\"}"); // Detail text: {"name":"A\ud800B"}

        assertEquals(1, answer.path("FailedEntryCount").asInt(), answer.toString());
        assertEquals("MalformedDetail", answer.at("/Entries/0/ErrorCode").asText());
        assertEquals(sizeBefore, Files.size(archive), "nothing of it was written");
        assertEquals(1, events.describeArchive(b -> b.archiveName("shop-test-archive")).eventCount());
    }

    @Test
    void lines_it_cannot_read_are_skipped_and_reported_and_list_describe_and_replay_still_work() throws Exception {
        put("{\"n\":1}");
        Files.write(archive, "{\"eventBusName\":\"shop-test-bus\",\"event\":{\"version\":\"0\",\"id\":\"cut\",\"det".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND); // a crash mid-write: no newline
        put("{\"n\":2}"); // must land on a line of its own, not glued to the cut one
        Files.write(archive, new byte[] {'{', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '}', '\n', 'n', 'o', 't', '\n'}, StandardOpenOption.APPEND);
        put("{\"n\":3}");

        assertEquals(3, events.describeArchive(b -> b.archiveName("shop-test-archive")).eventCount());
        assertEquals(1, events.listArchives(b -> { }).archives().size());
        DescribeReplayResponse replay = replay("after-damage");
        assertEquals(ReplayState.COMPLETED, replay.state(), replay.stateReason());
        assertEquals("3 events replayed; 3 unreadable archive line(s) skipped", replay.stateReason());
        assertTrue(system.flowLinesContaining("ARCHIVE", "line 2", "skipped") >= 1, String.join("\n", system.flowLines()));
        assertTrue(system.flowLinesContaining("ARCHIVE", "line 4", "not UTF-8") >= 1);
    }

    @Test
    void a_replay_that_cannot_finish_ends_FAILED_with_its_reason() throws Exception {
        put("{\"n\":1}");
        Files.delete(archive);
        Files.createDirectory(archive); // the archive cannot be read at all

        DescribeReplayResponse replay = replay("unreadable");

        assertEquals(ReplayState.FAILED, replay.state());
        assertTrue(replay.stateReason().contains("cannot read the archive"), replay.stateReason());
        assertTrue(replay.replayEndTime() != null);
    }

    private void put(String detail) throws InterruptedException {
        var answer = events.putEvents(b -> b.entries(
                PutEventsRequestEntry.builder().eventBusName("shop-test-bus").source("test.app").detailType("Other").detail(detail).build()));
        assertEquals(0, answer.failedEntryCount());
        system.settle();
    }

    /** PutEvents as raw JSON 1.1: {@code detailJsonInJson} is the Detail already escaped to sit in a JSON string. */
    private JsonNode putRaw(String detailJsonInJson) throws Exception {
        String body = "{\"Entries\":[{\"EventBusName\":\"shop-test-bus\",\"Source\":\"test.app\",\"DetailType\":\"Other\",\"Detail\":\""
                + detailJsonInJson + "\"}]}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(system.cloud.eventsEndpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", "AWSEvents.PutEvents")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        system.settle();
        return JSON.readTree(response.body());
    }

    private DescribeReplayResponse replay(String name) throws InterruptedException {
        events.startReplay(b -> b.replayName(name).eventSourceArn(ARN + "archive/shop-test-archive")
                .eventStartTime(Instant.now().minusSeconds(600)).eventEndTime(Instant.now().plusSeconds(5)));
        DescribeReplayResponse replay = events.describeReplay(b -> b.replayName(name));
        for (int i = 0; i < 100 && (replay.state() == ReplayState.RUNNING || replay.state() == ReplayState.STARTING); i++) {
            Thread.sleep(100);
            replay = events.describeReplay(b -> b.replayName(name));
        }
        return replay;
    }
}
