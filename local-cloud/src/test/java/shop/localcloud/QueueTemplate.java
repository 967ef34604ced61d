package shop.localcloud;

/**
 * A template of fixture functions that read queues: rules fill {@code work-queue} (read in batches of 5 by
 * WorkFunction, redriving to {@code work-dlq} after 3 receives) and {@code slow-queue} (read one message at a time by
 * SlowFunction through an AWS::Lambda::EventSourceMapping); {@code gone-queue} is a rule's target nothing reads. Each
 * function writes what it saw under DIR ({@code QueueBatchHandler}).
 */
public final class QueueTemplate {

    public static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              QueueBus:
                Type: AWS::Events::EventBus
                Properties: { Name: queue-bus }
              WorkQueue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: work-queue
                  VisibilityTimeout: 30
                  RedrivePolicy: { deadLetterTargetArn: !GetAtt WorkDeadLetterQueue.Arn, maxReceiveCount: 3 }
              WorkDeadLetterQueue:
                Type: AWS::SQS::Queue
                Properties: { QueueName: work-dlq }
              RuleDeadLetterQueue:
                Type: AWS::SQS::Queue
                Properties: { QueueName: rule-dlq }
              WorkRule:
                Type: AWS::Events::Rule
                Properties:
                  EventBusName: !Ref QueueBus
                  EventPattern: { source: [test.queue], detail-type: [Work, Retry, Poison, Bogus, Cure, Held] }
                  Targets:
                    - Id: WorkQueue
                      Arn: !GetAtt WorkQueue.Arn
                      RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 }
                      DeadLetterConfig: { Arn: !GetAtt RuleDeadLetterQueue.Arn }
              WorkFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: JAR
                  Handler: shop.localcloud.fixtures.QueueBatchHandler::handleRequest
                  Environment: { Variables: { RECORD_FILE: DIR/work.txt } }
                  Events:
                    Work:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt WorkQueue.Arn
                        BatchSize: 5
                        MaximumBatchingWindowInSeconds: 1
                        FunctionResponseTypes: [ReportBatchItemFailures]
                        ScalingConfig: { MaximumConcurrency: 2 }
              SlowQueue:
                Type: AWS::SQS::Queue
                Properties: { QueueName: slow-queue }
              SlowRule:
                Type: AWS::Events::Rule
                Properties:
                  EventBusName: !Ref QueueBus
                  EventPattern: { source: [test.queue], detail-type: [Slow] }
                  Targets: [{ Id: SlowQueue, Arn: !GetAtt SlowQueue.Arn }]
              SlowFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: JAR
                  Handler: shop.localcloud.fixtures.QueueBatchHandler::handleRequest
                  Environment: { Variables: { RECORD_FILE: DIR/slow.txt, SLEEP_MS: '400' } }
              SlowMapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  EventSourceArn: !GetAtt SlowQueue.Arn
                  FunctionName: !Ref SlowFunction
                  BatchSize: 1
                  ScalingConfig: { MaximumConcurrency: 2 }
              GoneQueue:
                Type: AWS::SQS::Queue
                Properties: { QueueName: gone-queue }
              GoneRule:
                Type: AWS::Events::Rule
                Properties:
                  EventBusName: !Ref QueueBus
                  EventPattern: { source: [test.queue], detail-type: [Gone] }
                  Targets:
                    - Id: GoneQueue
                      Arn: !GetAtt GoneQueue.Arn
                      DeadLetterConfig: { Arn: !GetAtt RuleDeadLetterQueue.Arn }
            """;

    private QueueTemplate() {
    }
}
