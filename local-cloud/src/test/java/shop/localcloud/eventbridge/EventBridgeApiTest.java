package shop.localcloud.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.AwsClients;
import shop.localcloud.TestSystem;
import shop.localparts.LocalAwsClients;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Archive;
import software.amazon.awssdk.services.eventbridge.model.ArchiveState;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** EventBridge as a user inspects it, through the edge endpoint, answering for what the fixture template declares. */
class EventBridgeApiTest {

    private static final String ARN = "arn:aws:events:eu-west-1:123456789012:";

    @TempDir
    static Path dir;
    static TestSystem system;
    static EventBridgeClient events;

    @BeforeAll
    static void start() {
        system = new TestSystem(dir);
        events = LocalAwsClients.retrying(EventBridgeClient.builder(), system.cloud.edgeEndpoint());
    }

    @AfterAll
    static void stop() {
        events.close();
        system.close();
    }

    @Test
    void the_buses_are_the_templates_and_the_default_one() {
        List<EventBus> buses = events.listEventBuses(b -> { }).eventBuses();

        assertEquals(List.of("default", "shop-test-bus"), buses.stream().map(EventBus::name).toList());
        assertEquals(ARN + "event-bus/shop-test-bus", events.describeEventBus(b -> b.name("shop-test-bus")).arn());
        assertEquals(ARN + "event-bus/shop-test-bus", events.describeEventBus(b -> b.name(ARN + "event-bus/shop-test-bus")).arn());
        assertEquals("default", events.describeEventBus(b -> { }).name());
        assertThrows(ResourceNotFoundException.class, () -> events.describeEventBus(b -> b.name("no-such-bus")));
        assertEquals(List.of("shop-test-bus"), events.listEventBuses(b -> b.namePrefix("shop-")).eventBuses().stream().map(EventBus::name).toList());
    }

    @Test
    void rules_come_from_the_functions_eventbridge_and_schedule_events() {
        List<Rule> onBus = events.listRules(b -> b.eventBusName("shop-test-bus")).rules();
        assertEquals(List.of("HelloFunctionGreetings", "FailingFunctionDoomed"), onBus.stream().map(Rule::name).toList());
        assertEquals("{\"source\":[\"test.app\"],\"detail-type\":[\"Greeting\"]}", onBus.get(0).eventPattern());
        assertEquals(RuleState.ENABLED, onBus.get(0).state());
        assertEquals(ARN + "rule/shop-test-bus/HelloFunctionGreetings", onBus.get(0).arn());

        Rule daily = events.listRules(b -> { }).rules().stream().filter(r -> r.name().equals("HelloFunctionDaily")).findFirst().orElseThrow();
        assertEquals("rate(1 day)", daily.scheduleExpression());
        assertEquals(ARN + "rule/HelloFunctionDaily", daily.arn());

        DescribeRuleResponse doomed = events.describeRule(b -> b.name("FailingFunctionDoomed").eventBusName("shop-test-bus"));
        assertEquals("shop-test-bus", doomed.eventBusName());
        assertEquals("{\"source\":[\"test.app\"],\"detail-type\":[\"Doomed\"]}", doomed.eventPattern());
        assertThrows(ResourceNotFoundException.class, () -> events.describeRule(b -> b.name("FailingFunctionDoomed")));
        assertThrows(ResourceNotFoundException.class, () -> events.listRules(b -> b.eventBusName("no-such-bus")));
    }

    @Test
    void a_rules_target_is_its_function_with_the_retry_policy_and_dead_letter_queue() {
        Target target = events.listTargetsByRule(b -> b.rule("FailingFunctionDoomed").eventBusName("shop-test-bus")).targets().get(0);

        assertEquals("FailingFunctionDoomedLambdaTarget", target.id());
        assertEquals("arn:aws:lambda:eu-west-1:123456789012:function:FailingFunction", target.arn());
        assertEquals(3, target.retryPolicy().maximumRetryAttempts());
        assertEquals(60, target.retryPolicy().maximumEventAgeInSeconds());
        assertEquals("arn:aws:sqs:eu-west-1:123456789012:FailingDeadLetterQueue", target.deadLetterConfig().arn());
        assertThrows(ResourceNotFoundException.class, () -> events.listTargetsByRule(b -> b.rule("NoSuchRule").eventBusName("shop-test-bus")));
    }

    @Test
    void the_archive_counts_the_events_of_its_bus_that_match_its_pattern() throws Exception {
        long before = events.describeArchive(b -> b.archiveName("shop-test-archive")).eventCount();
        events.putEvents(b -> b.entries(
                PutEventsRequestEntry.builder().eventBusName("shop-test-bus").source("test.app").detailType("Other").detail("{}").build(),
                PutEventsRequestEntry.builder().eventBusName("shop-test-bus").source("elsewhere.app").detailType("Other").detail("{}").build()));
        system.settle();

        DescribeArchiveResponse archive = events.describeArchive(b -> b.archiveName("shop-test-archive"));
        assertEquals(before + 1, archive.eventCount(), "only the test.app event matches the archive's pattern");
        assertTrue(archive.sizeBytes() > 0);
        assertEquals(ARN + "archive/shop-test-archive", archive.archiveArn());
        assertEquals(ARN + "event-bus/shop-test-bus", archive.eventSourceArn());
        assertEquals(ArchiveState.ENABLED, archive.state());
        assertEquals(7, archive.retentionDays());
        assertEquals("test.app events", archive.description());
        assertEquals("{\"source\":[\"test.app\"]}", archive.eventPattern());
        List<Archive> listed = events.listArchives(b -> b.eventSourceArn(ARN + "event-bus/shop-test-bus")).archives();
        assertEquals(List.of("shop-test-archive"), listed.stream().map(Archive::archiveName).toList());
        assertThrows(ResourceNotFoundException.class, () -> events.describeArchive(b -> b.archiveName("nope")));
    }

    @Test
    void replays_are_listed_with_their_time_range_and_state() throws Exception {
        Instant from = Instant.now().minusSeconds(60);
        events.startReplay(b -> b.replayName("listed-replay").eventSourceArn(ARN + "archive/shop-test-archive").eventStartTime(from)
                .eventEndTime(Instant.now()).destination(d -> d.arn(ARN + "event-bus/shop-test-bus")));
        TestSystem.awaitReplay(events, "listed-replay");
        system.settle();

        var replay = events.listReplays(b -> b.namePrefix("listed-")).replays().get(0);
        assertEquals(ReplayState.COMPLETED, replay.state());
        assertEquals(ARN + "archive/shop-test-archive", replay.eventSourceArn());
        assertEquals(from.getEpochSecond(), replay.eventStartTime().getEpochSecond());
        assertTrue(events.listReplays(b -> b.state(ReplayState.RUNNING)).replays().isEmpty());
    }

    @Test
    void test_event_pattern_matches_with_event_ruler() {
        String event = "{\"id\":\"1\",\"account\":\"123456789012\",\"source\":\"shop.orders\",\"time\":\"2026-01-01T00:00:00Z\","
                + "\"region\":\"eu-west-1\",\"resources\":[],\"detail-type\":\"OrderPlaced\",\"detail\":{\"total\":12}}";

        assertTrue(events.testEventPattern(b -> b.event(event).eventPattern("{\"detail\":{\"total\":[{\"numeric\":[\">\",10]}]}}")).result());
        assertFalse(events.testEventPattern(b -> b.event(event).eventPattern("{\"source\":[\"shop.inventory\"]}")).result());
        assertThrows(InvalidEventPatternException.class, () -> events.testEventPattern(b -> b.event(event).eventPattern("{\"source\":\"x\"}")));
    }

    @Test
    void the_aws_cli_reads_the_same() throws Exception {
        assumeTrue(AwsClients.cliPresent(), "the aws command is not on the PATH");
        String edge = system.cloud.edgeEndpoint();

        AwsClients.CliResult rules = AwsClients.cli(edge, dir, "events", "list-rules", "--event-bus-name", "shop-test-bus");
        assertEquals(0, rules.exitCode(), rules.stderr());
        assertEquals("HelloFunctionGreetings", rules.json().path("Rules").path(0).path("Name").asText(), rules.stdout());

        AwsClients.CliResult targets = AwsClients.cli(edge, dir, "events", "list-targets-by-rule", "--rule", "FailingFunctionDoomed",
                "--event-bus-name", "shop-test-bus");
        assertEquals("arn:aws:sqs:eu-west-1:123456789012:FailingDeadLetterQueue",
                targets.json().path("Targets").path(0).path("DeadLetterConfig").path("Arn").asText(), targets.stdout() + targets.stderr());

        AwsClients.CliResult archive = AwsClients.cli(edge, dir, "events", "describe-archive", "--archive-name", "shop-test-archive");
        assertEquals(7, archive.json().path("RetentionDays").asInt(), archive.stdout() + archive.stderr());

        AwsClients.CliResult matched = AwsClients.cli(edge, dir, "events", "test-event-pattern", "--event-pattern", "{\"source\":[\"a\"]}",
                "--event", "{\"id\":\"1\",\"account\":\"1\",\"source\":\"a\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"eu-west-1\","
                        + "\"resources\":[],\"detail-type\":\"x\",\"detail\":{}}");
        assertTrue(matched.json().path("Result").asBoolean(), matched.stdout() + matched.stderr());

        AwsClients.CliResult missing = AwsClients.cli(edge, dir, "events", "describe-event-bus", "--name", "no-such-bus");
        assertEquals(255, missing.exitCode());
        assertTrue(missing.stderr().contains("ResourceNotFoundException"), missing.stderr());
    }
}
