package shop.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
                    assertRetriedIntoADeadLetterQueue(id + "." + e.getKey(), e.getValue());
                }
            }
        }
        for (String rule : template.ofType("AWS::Events::Rule").keySet()) {
            List<Object> targets = Template.list(template.properties(rule).get("Targets"));
            assertFalse(targets.isEmpty(), rule + ": no targets");
            for (Object target : targets) {
                rules++;
                assertRetriedIntoADeadLetterQueue(rule + "." + Template.map(target).get("Id"), Template.map(target));
            }
        }
        assertTrue(rules >= 5, "expected the five consumer rules and the relays' schedules, found " + rules);
    }

    private void assertRetriedIntoADeadLetterQueue(String name, Map<String, Object> target) {
        Map<String, Object> retry = Template.map(target.get("RetryPolicy"));
        assertTrue(retry.containsKey("MaximumRetryAttempts") && retry.containsKey("MaximumEventAgeInSeconds"),
                name + ": no explicit RetryPolicy");
        String queue = Template.target(Template.map(target.get("DeadLetterConfig")).get("Arn"));
        assertNotNull(queue, name + ": no DeadLetterConfig");
        assertEquals("AWS::SQS::Queue", template.resource(queue).get("Type"), name);
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

    /**
     * A function behind a queue (notification: SES's send rate) is polled, never invoked asynchronously: it answers
     * per message, at most MaximumConcurrency instances drain its queue, a message it keeps failing is redriven to the
     * same dead-letter queue as the rule's undeliverable events, and a message outlives any Lambda timeout.
     */
    @Test
    void every_queue_consumer_answers_per_message_and_its_queue_redrives_to_the_dead_letter_queue_of_its_rule() {
        int consumers = 0;
        for (String id : template.ofType("AWS::Serverless::Function").keySet()) {
            for (Map.Entry<String, Map<String, Object>> e : template.events(id, "SQS").entrySet()) {
                consumers++;
                String name = id + "." + e.getKey();
                Map<String, Object> event = e.getValue();
                assertFalse(template.effectiveFunction(id).containsKey("EventInvokeConfig"),
                        id + ": an EventInvokeConfig, but nothing invokes a queue consumer asynchronously");
                assertEquals(List.of("ReportBatchItemFailures"), event.get("FunctionResponseTypes"),
                        name + ": one failed message would hand the whole batch back");
                assertTrue(Template.map(event.get("ScalingConfig")).get("MaximumConcurrency") instanceof Integer,
                        name + ": no MaximumConcurrency, so the queue's depth sets how many instances call downstream");
                assertTrue(event.get("BatchSize") instanceof Integer, name + ": batch size left to the default");

                String queue = Template.target(event.get("Queue"));
                Map<String, Object> q = template.properties(queue);
                assertTrue(((Integer) q.get("VisibilityTimeout")) >= 6 * (Integer) template.properties(id).get("Timeout"),
                        queue + ": VisibilityTimeout under 6x the function's timeout (AWS's guidance for SQS event sources)");
                Map<String, Object> redrive = Template.map(q.get("RedrivePolicy"));
                String deadLetters = Template.target(redrive.get("deadLetterTargetArn"));
                assertNotNull(deadLetters, queue + ": no RedrivePolicy, a message that always fails would circle for 14 days");
                assertTrue(redrive.get("maxReceiveCount") instanceof Integer count && count >= 5,
                        queue + ": maxReceiveCount under 5 sends throttled messages to the DLQ");

                Map<String, Map<String, Object>> feeders = template.rulesTargeting(queue);
                assertFalse(feeders.isEmpty(), queue + ": no rule sends events to it");
                feeders.forEach((rule, target) -> assertEquals(deadLetters,
                        Template.target(Template.map(target.get("DeadLetterConfig")).get("Arn")),
                        rule + ": its dead letters and " + queue + "'s redrive go to two different queues"));
            }
        }
        assertTrue(consumers >= 1, "notification reads its events from a queue");
    }

    @Test
    void notification_paces_SES_to_the_accounts_send_rate_shared_by_its_instances() {
        Map<String, Object> environment = Policies.environment(template, "NotificationFunction");
        assertEquals(Map.of("Ref", "SesMaxSendRate"), environment.get("SES_MAX_SEND_RATE"));
        assertEquals(Map.of("Ref", "NotificationQueue"), environment.get("QUEUE_URL"), "throttled messages are backed off in its own queue");
        Map<String, Object> queued = template.events("NotificationFunction", "SQS").values().iterator().next();
        assertEquals(String.valueOf(Template.map(queued.get("ScalingConfig")).get("MaximumConcurrency")),
                String.valueOf(environment.get("SES_SENDING_INSTANCES")),
                "each instance paces to the rate divided by the instances that may run at once: MaximumConcurrency");
        assertEquals(1, Template.map(Template.map(template.root.get("Parameters")).get("SesMaxSendRate")).get("Default"),
                "the default is the SES sandbox's rate");
    }

    @Test
    void every_dead_letter_queue_is_encrypted_admits_only_its_own_rules_and_raises_an_alarm() {
        Set<String> queues = deadLetterQueues();
        assertTrue(queues.size() >= 8, "dead-letter queues: " + queues);
        for (String queue : queues) {
            assertEncryptedForTwoWeeksAndOpenOnlyTo(queue, rulesDeadLetteringTo(queue));
            long alarms = alarmsOn(queue, "ApproximateNumberOfMessagesVisible")
                    .filter(a -> "GreaterThanThreshold".equals(a.get("ComparisonOperator")) && Integer.valueOf(0).equals(a.get("Threshold")))
                    .count();
            assertEquals(1, alarms, queue + ": no alarm on a visible message that notifies the AlarmTopic");
        }
    }

    @Test
    void every_queue_a_function_reads_is_encrypted_admits_only_the_rules_that_feed_it_and_alarms_when_messages_wait() {
        Set<String> queues = template.ofType("AWS::SQS::Queue").keySet().stream().filter(q -> template.readerOf(q) != null)
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(queues.isEmpty());
        for (String queue : queues) {
            assertEncryptedForTwoWeeksAndOpenOnlyTo(queue, template.rulesTargeting(queue).keySet());
            long alarms = alarmsOn(queue, "ApproximateAgeOfOldestMessage")
                    .filter(a -> "GreaterThanThreshold".equals(a.get("ComparisonOperator"))
                            && a.get("Threshold") instanceof Integer seconds && seconds > 0)
                    .count();
            assertEquals(1, alarms, queue + ": no alarm on messages waiting too long that notifies the AlarmTopic");
        }
        Set<String> unexplained = new TreeSet<>(template.ofType("AWS::SQS::Queue").keySet());
        unexplained.removeAll(queues);
        unexplained.removeAll(deadLetterQueues());
        assertEquals(Set.of(), unexplained, "queues neither read by a function nor receiving dead letters");
    }

    private void assertEncryptedForTwoWeeksAndOpenOnlyTo(String queue, Set<String> rules) {
        Map<String, Object> q = template.properties(queue);
        assertTrue(Boolean.TRUE.equals(q.get("SqsManagedSseEnabled")) || q.containsKey("KmsMasterKeyId"), queue + ": not encrypted");
        assertEquals(1209600, q.get("MessageRetentionPeriod"), queue + ": messages must wait 14 days for a redrive or a throttle");
        List<Map<String, Object>> policies = template.ofType("AWS::SQS::QueuePolicy").values().stream()
                .map(r -> Template.map(r.get("Properties")))
                .filter(p -> Policies.referencedIds(p.get("Queues")).equals(Set.of(queue))).toList();
        assertEquals(1, policies.size(), queue + ": no queue policy of its own for EventBridge");
        List<Object> statements = Template.list(Template.map(policies.get(0).get("PolicyDocument")).get("Statement"));
        assertEquals(1, statements.size(), queue + ": one grant, to its rules");
        Map<String, Object> grant = Template.map(statements.get(0));
        assertEquals(Map.of("Service", "events.amazonaws.com"), grant.get("Principal"), queue);
        assertEquals("sqs:SendMessage", grant.get("Action"), queue);
        assertFalse(rules.isEmpty(), queue + ": no rule sends to it");
        assertEquals(rules, Policies.referencedIds(Template.map(Template.map(grant.get("Condition")).get("ArnEquals")).get("aws:SourceArn")),
                queue + ": open to other rules than its own (or not to all of them)");
    }

    private Stream<Map<String, Object>> alarmsOn(String queue, String metric) {
        return template.ofType("AWS::CloudWatch::Alarm").values().stream().map(r -> Template.map(r.get("Properties")))
                .filter(a -> metric.equals(a.get("MetricName")) && "AWS/SQS".equals(a.get("Namespace")))
                .filter(a -> Policies.referencedIds(a.get("Dimensions")).equals(Set.of(queue)))
                .filter(a -> Policies.referencedIds(a.get("AlarmActions")).equals(Set.of("AlarmTopic")));
    }

    /** Queues named as a rule target's DeadLetterConfig, an async invoke's OnFailure, or a queue's redrive target. */
    private Set<String> deadLetterQueues() {
        Set<String> queues = new HashSet<>();
        for (String id : template.ofType("AWS::Serverless::Function").keySet()) {
            for (String type : List.of("EventBridgeRule", "Schedule")) {
                template.events(id, type).values().forEach(e -> queues.add(Template.target(Template.map(e.get("DeadLetterConfig")).get("Arn"))));
            }
            queues.add(Template.target(Template.map(Template.map(Template.map(template.effectiveFunction(id).get("EventInvokeConfig"))
                    .get("DestinationConfig")).get("OnFailure")).get("Destination")));
        }
        for (String rule : template.ofType("AWS::Events::Rule").keySet()) {
            Template.list(template.properties(rule).get("Targets")).forEach(target ->
                    queues.add(Template.target(Template.map(Template.map(target).get("DeadLetterConfig")).get("Arn"))));
        }
        template.ofType("AWS::SQS::Queue").keySet().forEach(q ->
                queues.add(Template.target(Template.map(template.properties(q).get("RedrivePolicy")).get("deadLetterTargetArn"))));
        queues.remove(null);
        return new TreeSet<>(queues);
    }

    /**
     * The rules whose undeliverable events go to {@code queue}: SAM names the rule of a function's event
     * {@code <Function><Event>}; a rule of the template's own is its logical id.
     */
    private Set<String> rulesDeadLetteringTo(String queue) {
        Set<String> rules = new TreeSet<>();
        for (String id : template.ofType("AWS::Serverless::Function").keySet()) {
            for (String type : List.of("EventBridgeRule", "Schedule")) {
                template.events(id, type).forEach((name, e) -> {
                    if (queue.equals(Template.target(Template.map(e.get("DeadLetterConfig")).get("Arn")))) {
                        rules.add(id + name);
                    }
                });
            }
        }
        for (String rule : template.ofType("AWS::Events::Rule").keySet()) {
            Template.list(template.properties(rule).get("Targets")).forEach(target -> {
                if (queue.equals(Template.target(Template.map(Template.map(target).get("DeadLetterConfig")).get("Arn")))) {
                    rules.add(rule);
                }
            });
        }
        return rules;
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
