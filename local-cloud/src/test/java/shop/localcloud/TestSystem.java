package shop.localcloud;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import shop.localcloud.common.Faults;
import shop.localcloud.common.Flow;
import shop.localparts.ProjectRoot;

/** A small template of fixture functions (hello, failing, seed) run by a real LocalCloud, with its flow captured. */
public final class TestSystem implements AutoCloseable {

    public static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage: { Type: String, Default: test }
            Globals:
              Function:
                MemorySize: 256
                Timeout: 5
                Environment:
                  Variables:
                    FROM_GLOBALS: global
            Resources:
              TestBus:
                Type: AWS::Events::EventBus
                Properties: { Name: !Sub 'shop-${Stage}-bus' }
              TestApi:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    DefaultAuthorizer: TestJwt
                    Authorizers:
                      TestJwt:
                        IdentitySource: $request.header.Authorization
                        JwtConfiguration: { issuer: !Sub 'https://issuer.example/${Stage}', audience: [test-client] }
              TestArchive:
                Type: AWS::Events::Archive
                Properties:
                  ArchiveName: !Sub 'shop-${Stage}-archive'
                  Description: test.app events
                  SourceArn: !GetAtt TestBus.Arn
                  RetentionDays: 7
                  EventPattern: { source: [test.app] }
              TestTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
                  KeySchema: [{ AttributeName: pk, KeyType: HASH }]
              HelloFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: JAR
                  Handler: shop.localcloud.fixtures.HelloHandler::handleRequest
                  Environment:
                    Variables:
                      GREETING: !Sub '${AWS::Region}/${TestTable}/${TestBus}/${Stage}'
                      QUEUE_ARN: !GetAtt FailingDeadLetterQueue.Arn
                  Events:
                    GetHello:
                      Type: HttpApi
                      Properties: { Path: '/hello/{name}', Method: GET }
                    PostHello:
                      Type: HttpApi
                      Properties: { ApiId: !Ref TestApi, Path: /hello, Method: POST }
                    Daily:
                      Type: Schedule
                      Properties: { Schedule: rate(1 day) }
                    Greetings:
                      Type: EventBridgeRule
                      Properties:
                        EventBusName: !Ref TestBus
                        Pattern: { source: [test.app], detail-type: [Greeting] }
              FailingFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: JAR
                  Handler: shop.localcloud.fixtures.FailingHandler::handleRequest
                  EventInvokeConfig:
                    MaximumRetryAttempts: 2
                    DestinationConfig:
                      OnFailure: { Type: SQS, Destination: !GetAtt FailingDeadLetterQueue.Arn }
                  Events:
                    Doomed:
                      Type: EventBridgeRule
                      Properties:
                        EventBusName: !Ref TestBus
                        Pattern: { source: [test.app], detail-type: [Doomed] }
                        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 60 }
                        DeadLetterConfig: { Arn: !GetAtt FailingDeadLetterQueue.Arn }
              FailingDeadLetterQueue:
                Type: AWS::SQS::Queue
              SeedFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: JAR
                  Handler: shop.localcloud.fixtures.SeedHandler::handleRequest
              Seed:
                Type: Custom::Seed
                Properties:
                  ServiceToken: !GetAtt SeedFunction.Arn
                  Greeting: hi
              SomeAlarm:
                Type: AWS::CloudWatch::Alarm
                Properties: { Threshold: 1 }
            """;

    public final CloudView cloud;
    private final LocalCloud started;
    public final Path dir;
    private final ByteArrayOutputStream flow = new ByteArrayOutputStream();

    public TestSystem(Path dir) {
        this(dir, Faults.NONE);
    }

    public TestSystem(Path dir, Faults faults) {
        this(dir, TEMPLATE, options -> options.withFaults(faults));
    }

    /** Another template of fixture functions ({@code JAR} and {@code DIR} in it: the fixtures' jar and {@code dir}). */
    public TestSystem(Path dir, String templateText, UnaryOperator<Options> tweak) {
        this.dir = dir;
        try {
            Path jar = FunctionJars.fixtures(dir);
            Path template = dir.resolve("template.yaml");
            Files.writeString(template, templateText.replace("JAR", jar.toString()).replace("DIR", dir.toString()));
            Options options = tweak.apply(Options.defaults(ProjectRoot.find()).withTemplate(template).withDataDir(dir.resolve("data"))
                    .withPorts(0, 0, 0).withRetryScale(0.001));
            started = LocalCloud.start(options, new Flow(new PrintStream(flow, true, StandardCharsets.UTF_8)));
            cloud = started.view();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> flowLines() {
        return List.of(flow.toString(StandardCharsets.UTF_8).split("\n"));
    }

    public long flowLinesContaining(String... parts) {
        return flowLines().stream().filter(l -> List.of(parts).stream().allMatch(l::contains)).count();
    }

    public void settle() throws InterruptedException {
        if (!cloud.awaitIdle(60_000)) {
            throw new AssertionError("deliveries did not settle: " + flowLines());
        }
    }

    /**
     * Waits until the replay is COMPLETED, up to 60 s (a loaded machine can be slow); fails saying so otherwise, instead
     * of letting the test assert on a replay still running.
     */
    public static void awaitReplay(software.amazon.awssdk.services.eventbridge.EventBridgeClient events, String name)
            throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        software.amazon.awssdk.services.eventbridge.model.ReplayState state;
        while ((state = events.describeReplay(b -> b.replayName(name)).state())
                != software.amazon.awssdk.services.eventbridge.model.ReplayState.COMPLETED) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("replay " + name + " is still " + state + " after 60 s");
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        started.close();
    }
}
