package shop.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** No event lost, nothing failing silently, everything recoverable: issue 4's reliability rules. */
class ReliabilityRulesTest {

    private final Template template = Template.load();

    @Test
    void every_rule_target_has_a_retry_policy_and_a_dead_letter_queue() {
        int rules = 0;
        for (String id : template.ofType("AWS::Serverless::Function").keySet()) {
            for (String type : List.of("EventBridgeRule", "Schedule")) {
                for (Map.Entry<String, Map<String, Object>> e : template.events(id, type).entrySet()) {
                    rules++;
                    String name = id + "." + e.getKey();
                    Map<String, Object> retry = Template.map(e.getValue().get("RetryPolicy"));
                    assertTrue(retry.containsKey("MaximumRetryAttempts") && retry.containsKey("MaximumEventAgeInSeconds"),
                            name + ": no explicit RetryPolicy");
                    String queue = Template.target(Template.map(e.getValue().get("DeadLetterConfig")).get("Arn"));
                    assertNotNull(queue, name + ": no DeadLetterConfig");
                    assertEquals("AWS::SQS::Queue", template.resource(queue).get("Type"), name);
                }
            }
        }
        assertTrue(rules >= 5, "expected the four consumer rules and the relay's schedule, found " + rules);
    }

    @Test
    void every_consumer_sends_what_fails_all_retries_to_the_same_dead_letter_queue_as_its_rule() {
        for (String id : template.ofType("AWS::Serverless::Function").keySet()) {
            for (Map<String, Object> rule : template.events(id, "EventBridgeRule").values()) {
                Map<String, Object> config = Template.map(template.effectiveFunction(id).get("EventInvokeConfig"));
                assertTrue(config.containsKey("MaximumRetryAttempts") && config.containsKey("MaximumEventAgeInSeconds"),
                        id + ": async retries left to defaults");
                Map<String, Object> onFailure = Template.map(Template.map(config.get("DestinationConfig")).get("OnFailure"));
                assertEquals("SQS", onFailure.get("Type"), id);
                assertEquals(Template.target(Template.map(rule.get("DeadLetterConfig")).get("Arn")),
                        Template.target(onFailure.get("Destination")), id + ": two different dead-letter queues");
            }
        }
    }

    @Test
    void every_dead_letter_queue_is_encrypted_admits_only_its_own_rule_and_raises_an_alarm() {
        Set<String> queues = template.ofType("AWS::SQS::Queue").keySet();
        assertFalse(queues.isEmpty());
        for (String queue : queues) {
            Map<String, Object> q = template.properties(queue);
            assertTrue(Boolean.TRUE.equals(q.get("SqsManagedSseEnabled")) || q.containsKey("KmsMasterKeyId"), queue + ": not encrypted");
            assertEquals(1209600, q.get("MessageRetentionPeriod"), queue + ": dead letters must wait 14 days for a redrive");
            List<Map<String, Object>> policies = template.ofType("AWS::SQS::QueuePolicy").values().stream()
                    .map(r -> Template.map(r.get("Properties")))
                    .filter(p -> Policies.referencedIds(p.get("Queues")).equals(Set.of(queue))).toList();
            assertEquals(1, policies.size(), queue + ": no queue policy of its own for EventBridge");
            Policies.Statement grant = Policies.all(template).stream()
                    .filter(s -> s.body().equals(Template.list(Template.map(policies.get(0).get("PolicyDocument")).get("Statement")).get(0)))
                    .findFirst().orElseThrow();
            assertEquals(Map.of("Service", "events.amazonaws.com"), grant.body().get("Principal"), queue);
            assertNotNull(Template.map(Template.map(grant.body().get("Condition")).get("ArnEquals")).get("aws:SourceArn"),
                    queue + ": any rule in any account could write to it");
            long alarms = template.ofType("AWS::CloudWatch::Alarm").values().stream().map(r -> Template.map(r.get("Properties")))
                    .filter(a -> "ApproximateNumberOfMessagesVisible".equals(a.get("MetricName")) && "AWS/SQS".equals(a.get("Namespace")))
                    .filter(a -> Policies.referencedIds(a.get("Dimensions")).equals(Set.of(queue)))
                    .filter(a -> "GreaterThanThreshold".equals(a.get("ComparisonOperator")) && Integer.valueOf(0).equals(a.get("Threshold")))
                    .filter(a -> Policies.referencedIds(a.get("AlarmActions")).equals(Set.of("AlarmTopic")))
                    .count();
            assertEquals(1, alarms, queue + ": no alarm on a visible message that notifies the AlarmTopic");
        }
    }

    @Test
    void the_bus_archives_every_shop_event_for_365_days() {
        Map<String, Object> archive = template.properties("OrderEventArchive");
        assertEquals(365, archive.get("RetentionDays"));
        assertEquals(Set.of("OrderEventBus"), Policies.referencedIds(archive.get("SourceArn")));
        assertEquals(Map.of("source", List.of(Map.of("prefix", "shop."))), archive.get("EventPattern"));
    }

    @Test
    void every_table_is_on_demand_with_point_in_time_recovery_and_encryption() {
        Map<String, Map<String, Object>> tables = template.ofType("AWS::DynamoDB::Table");
        assertTrue(tables.size() >= 6);
        tables.keySet().forEach(id -> {
            Map<String, Object> t = template.properties(id);
            assertEquals("PAY_PER_REQUEST", t.get("BillingMode"), id);
            assertEquals(true, Template.map(t.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"), id + ": no PITR");
            assertEquals(true, Template.map(t.get("SSESpecification")).get("SSEEnabled"), id + ": no SSE");
        });
    }

    @Test
    void every_java_function_runs_java21_on_arm64_with_SnapStart_on_published_versions_and_active_tracing() {
        template.ofType("AWS::Serverless::Function").keySet().forEach(id -> {
            Map<String, Object> f = template.effectiveFunction(id);
            assertEquals("java21", f.get("Runtime"), id);
            assertEquals(List.of("arm64"), f.get("Architectures"), id);
            assertEquals(Map.of("ApplyOn", "PublishedVersions"), f.get("SnapStart"), id);
            assertNotNull(f.get("AutoPublishAlias"), id + ": SnapStart applies to published versions only");
            assertEquals("Active", f.get("Tracing"), id);
            assertTrue(template.properties(id).containsKey("MemorySize") && template.properties(id).containsKey("Timeout"),
                    id + ": memory and timeout are chosen per function, not inherited");
        });
    }

    @Test
    void every_function_logs_to_its_own_log_group_named_after_it_with_retention() {
        Set<String> groups = template.ofType("AWS::Serverless::Function").keySet().stream().map(id -> {
            Map<String, Object> f = template.properties(id);
            String group = Template.target(Template.map(f.get("LoggingConfig")).get("LogGroup"));
            assertNotNull(group, id + ": no LoggingConfig.LogGroup");
            Map<String, Object> g = template.properties(group);
            assertNotNull(g.get("RetentionInDays"), group + ": kept forever");
            assertEquals(Map.of("Fn::Sub", "/aws/lambda/" + Template.map(f.get("FunctionName")).get("Fn::Sub")),
                    g.get("LogGroupName"), group + " is not /aws/lambda/<function name>");
            return group;
        }).collect(Collectors.toSet());
        assertEquals(template.ofType("AWS::Serverless::Function").size(), groups.size(), "functions share a log group");
        template.ofType("AWS::Logs::LogGroup").keySet().forEach(id ->
                assertNotNull(template.properties(id).get("RetentionInDays"), id + ": kept forever"));
    }
}
