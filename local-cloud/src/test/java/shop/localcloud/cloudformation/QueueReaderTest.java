package shop.localcloud.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.QueueTemplate;
import shop.localcloud.cloudformation.Model.QueueSourceSpec;
import shop.localcloud.cloudformation.Model.QueueSpec;
import shop.localcloud.cloudformation.Model.RuleSpec;
import shop.localcloud.cloudformation.Model.SystemSpec;
import shop.localcloud.common.UserError;

/** What local-cloud reads of queues, of rules whose target is a queue, and of Lambda's event source mappings. */
class QueueReaderTest {

    @TempDir
    Path dir;

    private SystemSpec load(String template) throws Exception {
        return Template.load(Files.writeString(dir.resolve("template.yaml"), template.replace("JAR", "fn.jar").replace("DIR", dir.toString())),
                Map.of(), "http://sqs.local");
    }

    @Test
    void a_queue_keeps_its_visibility_timeout_retention_and_redrive_policy_and_sqs_defaults_otherwise() throws Exception {
        SystemSpec spec = load(QueueTemplate.TEMPLATE);

        QueueSpec work = spec.queue("WorkQueue");
        assertEquals(30, work.visibilityTimeoutSeconds());
        assertEquals("WorkDeadLetterQueue", work.deadLetterQueue());
        assertEquals(3, work.maxReceiveCount());
        assertEquals(new QueueSpec("SlowQueue", "slow-queue"), spec.queue("SlowQueue"), "SQS's defaults: 30 s, 4 days, no redrive");
    }

    @Test
    void a_rule_resource_targets_its_queue_with_its_retry_policy_and_dead_letter_queue() throws Exception {
        SystemSpec spec = load(QueueTemplate.TEMPLATE);

        RuleSpec rule = spec.rules().stream().filter(r -> r.name().equals("WorkRule")).findFirst().orElseThrow();
        assertEquals("WorkQueue", rule.queueId());
        assertNull(rule.functionId());
        assertEquals("queue-bus", rule.busName());
        assertEquals(2, rule.maximumRetryAttempts());
        assertEquals(60, rule.maximumEventAgeSeconds());
        assertEquals("RuleDeadLetterQueue", rule.deadLetterQueue());
        assertTrue(rule.patternJson().contains("\"detail-type\":[\"Work\",\"Retry\",\"Poison\",\"Bogus\",\"Cure\",\"Held\"]"), rule.patternJson());
        RuleSpec slow = spec.rules().stream().filter(r -> r.name().equals("SlowRule")).findFirst().orElseThrow();
        assertEquals(185, slow.maximumRetryAttempts(), "EventBridge's default retry policy");
        assertEquals(86_400, slow.maximumEventAgeSeconds());
    }

    @Test
    void an_sqs_event_and_an_event_source_mapping_resource_are_both_read() throws Exception {
        SystemSpec spec = load(QueueTemplate.TEMPLATE);

        assertEquals(new QueueSourceSpec("WorkFunctionWork", "WorkFunction", "WorkQueue", 5, 1, true, 2, true), spec.queueSources().get(0));
        assertEquals(new QueueSourceSpec("SlowMapping", "SlowFunction", "SlowQueue", 1, 0, false, 2, true), spec.queueSources().get(1));
    }

    @Test
    void a_rule_to_a_function_resource_a_disabled_rule_and_a_mapping_without_scaling_config() throws Exception {
        SystemSpec spec = load("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: { CodeUri: fn.jar, Handler: a.B::handleRequest }
                  Q:
                    Type: AWS::SQS::Queue
                  ToFunction:
                    Type: AWS::Events::Rule
                    Properties:
                      EventPattern: { source: [a] }
                      Targets: [{ Id: Fn, Arn: !GetAtt Fn.Arn }]
                  Off:
                    Type: AWS::Events::Rule
                    Properties:
                      State: DISABLED
                      EventPattern: { source: [a] }
                      Targets: [{ Id: Fn, Arn: !GetAtt Fn.Arn }]
                  Mapping:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties: { EventSourceArn: !GetAtt Q.Arn, FunctionName: !GetAtt Fn.Arn }
                """);

        assertEquals(1, spec.rules().size(), spec.rules().toString());
        assertEquals("Fn", spec.rules().get(0).functionId());
        assertEquals("default", spec.rules().get(0).busName());
        assertTrue(spec.ignored().contains("Off (AWS::Events::Rule, not ENABLED)"), spec.ignored().toString());
        QueueSourceSpec mapping = spec.queueSources().get(0);
        assertNull(mapping.maximumConcurrency(), "no ScalingConfig: AWS scales by itself");
        assertEquals(10, mapping.batchSize(), "Lambda's default batch size for SQS");
    }

    @Test
    void what_aws_refuses_is_refused_here_too() {
        String mapping = """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: fn.jar
                      Handler: a.B::handleRequest
                      Events:
                        Q:
                          Type: SQS
                          Properties: { Queue: !GetAtt Q.Arn, BatchSize: 50, ScalingConfig: { MaximumConcurrency: MAX } }
                  Q:
                    Type: AWS::SQS::Queue
                """;

        UserError window = assertThrows(UserError.class, () -> load(mapping.replace("MAX", "2")));
        UserError concurrency = assertThrows(UserError.class, () -> load(mapping.replace("BatchSize: 50", "BatchSize: 5").replace("MAX", "1")));

        assertTrue(window.getMessage().contains("MaximumBatchingWindowInSeconds"), window.getMessage());
        assertTrue(concurrency.getMessage().contains("MaximumConcurrency must be 2 to 1000"), concurrency.getMessage());
    }
}
