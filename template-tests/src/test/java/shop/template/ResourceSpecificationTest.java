package shop.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceSpecificationTest {

    private static final String HEAD = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Bus:
                Type: AWS::Events::EventBus
                Properties: { Name: bus }
            """;

    private final Specification specification = Specification.load();

    @Test
    void every_resource_type_and_property_is_in_the_CloudFormation_or_SAM_specification() {
        List<String> violations = specification.violations(Template.load());
        assertEquals(List.of(), violations, "template.yaml has properties CloudFormation or SAM would reject");
    }

    @Test
    void a_well_formed_snippet_passes_the_check() {
        assertEquals(List.of(), specification.violations(Template.parse(HEAD + """
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
                      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
                      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      SnapStart: { ApplyOn: PublishedVersions }
                      Events:
                        E: { Type: EventBridgeRule, Properties: { EventBusName: !Ref Bus, Pattern: { source: [x] } } }
                """)));
    }

    static Stream<Arguments> brokenSnippets() {
        return Stream.of(
                Arguments.of("misspelled CloudFormation property", """
                          Table:
                            Type: AWS::DynamoDB::Table
                            Properties:
                              KeySchema: [{ AttributeName: pk, KeyType: HASH }]
                              PointInTimeRecoverySpecifcation: { PointInTimeRecoveryEnabled: true }
                        """, "Resources/Table/Properties: unknown property PointInTimeRecoverySpecifcation"),
                Arguments.of("nested property one level too high", """
                          Table:
                            Type: AWS::DynamoDB::Table
                            Properties:
                              KeySchema: [{ AttributeName: pk, KeyType: HASH }]
                              PointInTimeRecoveryEnabled: true
                        """, "Resources/Table/Properties: unknown property PointInTimeRecoveryEnabled"),
                Arguments.of("misspelled nested property", """
                          Table:
                            Type: AWS::DynamoDB::Table
                            Properties:
                              KeySchema: [{ AttributeName: pk, KeyType: HASH }]
                              SSESpecification: { SSEEnable: true }
                        """, "Resources/Table/Properties/SSESpecification: unknown property SSEEnable"),
                Arguments.of("missing required property", """
                          Archive:
                            Type: AWS::Events::Archive
                            Properties: { RetentionDays: 365 }
                        """, "Resources/Archive/Properties: missing required property SourceArn"),
                Arguments.of("object where a number belongs", """
                          Queue:
                            Type: AWS::SQS::Queue
                            Properties: { MessageRetentionPeriod: { days: 14 } }
                        """, "Resources/Queue/Properties/MessageRetentionPeriod: expected a number"),
                Arguments.of("misspelled resource type", """
                          Table:
                            Type: AWS::DynamoDB::Tabel
                        """, "Resources/Table: unknown resource type AWS::DynamoDB::Tabel"),
                Arguments.of("misspelled SAM function property", """
                          Fn:
                            Type: AWS::Serverless::Function
                            Properties: { Handler: a.B::handleRequest, SnapStrat: { ApplyOn: PublishedVersions } }
                        """, "Resources/Fn/Properties: unknown property SnapStrat"),
                Arguments.of("misspelled property inside a SAM pass-through", """
                          Fn:
                            Type: AWS::Serverless::Function
                            Properties: { Handler: a.B::handleRequest, SnapStart: { Apply: PublishedVersions } }
                        """, "Resources/Fn/Properties/SnapStart: unknown property Apply"),
                Arguments.of("rule property misplaced on the event", """
                          Fn:
                            Type: AWS::Serverless::Function
                            Properties:
                              Handler: a.B::handleRequest
                              Events:
                                E:
                                  Type: EventBridgeRule
                                  Pattern: { source: [x] }
                        """, "Resources/Fn/Properties/Events/E: unknown key Pattern"),
                Arguments.of("misspelled retry policy on a rule", """
                          Fn:
                            Type: AWS::Serverless::Function
                            Properties:
                              Handler: a.B::handleRequest
                              Events:
                                E:
                                  Type: EventBridgeRule
                                  Properties: { Pattern: { source: [x] }, RetryPolicy: { MaximumRetries: 3 } }
                        """, "Resources/Fn/Properties/Events/E/Properties/RetryPolicy: unknown property MaximumRetries"),
                Arguments.of("GetAtt of an attribute the type lacks", """
                          Queue:
                            Type: AWS::SQS::Queue
                          Alias:
                            Type: AWS::SQS::QueuePolicy
                            Properties:
                              Queues: [!GetAtt Queue.Url]
                              PolicyDocument: {}
                        """, "/Resources/Alias/Properties/Queues/0: AWS::SQS::Queue has no attribute Url"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSnippets")
    void a_misspelled_or_misplaced_property_fails_the_check(String what, String resources, String expected) {
        List<String> violations = specification.violations(Template.parse(HEAD + resources));
        assertTrue(violations.stream().anyMatch(v -> v.startsWith(expected)),
                what + ": expected a violation starting with '" + expected + "', got " + violations);
    }
}
