package shop.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import shop.template.Policies.Statement;

/** Least privilege, as issue 4 states it, read off the template's own policy statements. */
class SecurityRulesTest {

    /** Actions for which AWS offers no resource-level permission, so '*' is the only resource it accepts. */
    private static final Set<String> NO_RESOURCE_LEVEL = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords",
            "xray:GetSamplingRules", "xray:GetSamplingTargets", "cloudwatch:PutMetricData");
    private static final Set<String> WRITES = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem");

    /** What Lambda's SQS poller calls with the function's role. */
    private static final List<String> POLL = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
    private static final Set<String> POLL_AND_VISIBILITY = Set.of("sqs:ReceiveMessage", "sqs:DeleteMessage",
            "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility");

    private final Template template = Template.load();
    private final List<Statement> statements = Policies.all(template);

    @Test
    void no_policy_statement_allows_a_wildcard_action_or_any_principal() {
        assertFalse(statements.isEmpty());
        for (Statement s : statements) {
            assertFalse(s.body().containsKey("NotAction") || s.body().containsKey("NotResource"), s.owner() + ": Not* in " + s.body());
            s.actions().forEach(a -> assertFalse(a.contains("*"), s.owner() + ": wildcard action " + a));
            assertFalse(String.valueOf(s.body().get("Principal")).contains("*"), s.owner() + ": any principal in " + s.body());
        }
    }

    @Test
    void resource_star_appears_only_for_actions_AWS_scopes_no_narrower_and_each_one_is_commented() throws IOException {
        for (Statement s : statements) {
            if (s.allowsAnyResource()) {
                assertTrue(NO_RESOURCE_LEVEL.containsAll(s.actions()), s.owner() + ": Resource '*' for " + s.actions());
            }
        }
        List<String> lines = Files.readAllLines(Template.FILE);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*(- )?Resource:\\s*['\"]\\*['\"].*")) {
                int start = i;
                while (start > 0 && !lines.get(start).trim().startsWith("- ")) {
                    start--;
                }
                boolean commented = lines.get(start - 1).trim().startsWith("#");
                for (int j = start; j <= i; j++) {
                    commented |= lines.get(j).contains("#");
                }
                assertTrue(commented, "template.yaml line " + (i + 1) + ": Resource '*' without a comment saying why");
            }
        }
    }

    @Test
    void every_function_runs_with_its_own_role_without_managed_policies() {
        Set<String> roles = new HashSet<>();
        template.ofType("AWS::Serverless::Function").forEach((id, f) -> {
            Map<String, Object> p = template.properties(id);
            String role = Template.target(p.get("Role"));
            assertNotNull(role, id + ": no explicit Role (SAM would attach managed policies with Resource '*')");
            assertEquals("AWS::IAM::Role", template.resource(role).get("Type"), id);
            assertTrue(roles.add(role), id + ": shares role " + role);
            assertFalse(p.containsKey("Policies"), id + ": Policies beside an explicit Role are ignored by SAM");
            assertFalse(template.properties(role).containsKey("ManagedPolicyArns"), role + ": managed policies are not scoped");
        });
    }

    @Test
    void each_function_touches_only_the_tables_its_environment_names_and_only_seeds_write_the_price_list() {
        Set<String> tables = template.ofType("AWS::DynamoDB::Table").keySet();
        template.ofType("AWS::Serverless::Function").keySet().forEach(id -> {
            Set<String> own = Policies.referencedIds(Policies.environment(template, id)).stream()
                    .filter(tables::contains).collect(Collectors.toSet());
            for (Statement s : Policies.ofFunction(template, id)) {
                if (s.actions().stream().anyMatch(a -> a.startsWith("dynamodb:"))) {
                    Set<String> touched = Policies.referencedIds(s.resources());
                    assertFalse(touched.isEmpty() || s.allowsAnyResource(), id + ": DynamoDB on unnamed resources " + s.resources());
                    assertTrue(own.containsAll(touched), id + " reaches tables " + touched + " beyond its own " + own);
                    if (touched.contains("PriceListTable") && !id.equals("PriceListSeedFunction")) {
                        assertTrue(s.actions().stream().noneMatch(WRITES::contains), id + " may change prices: " + s.actions());
                    }
                }
            }
        });
    }

    @Test
    void only_the_notification_function_sends_email_and_only_as_the_sender_identity() {
        List<Statement> ses = statements.stream().filter(s -> s.actions().stream().anyMatch(a -> a.startsWith("ses:"))).toList();
        assertEquals(1, ses.size(), "SES statements: " + ses);
        Statement send = ses.get(0);
        assertEquals(Policies.ofFunction(template, "NotificationFunction").stream().filter(s -> s.equals(send)).count(), 1L);
        assertEquals(List.of("ses:SendEmail"), send.actions());
        for (Object resource : send.resources()) {
            String arn = String.valueOf(Template.list(Template.map(resource).get("Fn::Sub")).get(0));
            assertTrue(arn.matches("arn:\\$\\{AWS::Partition}:ses:\\$\\{AWS::Region}:\\$\\{AWS::AccountId}:identity/\\$\\{Sender\\w+}"),
                    "not a sender identity ARN: " + resource);
        }
        assertEquals(Map.of("Ref", "SenderEmail"),
                Template.map(Template.map(send.body().get("Condition")).get("StringEquals")).get("ses:FromAddress"));
    }

    @Test
    void each_function_may_send_only_to_its_own_dead_letter_queue_and_read_only_its_own_queue() {
        int readers = 0;
        for (String id : template.ofType("AWS::Serverless::Function").keySet()) {
            Object destination = Template.map(Template.map(Template.map(template.effectiveFunction(id)
                    .get("EventInvokeConfig")).get("DestinationConfig")).get("OnFailure")).get("Destination");
            Set<String> ownDeadLetters = Policies.referencedIds(destination);
            Set<String> ownQueues = template.events(id, "SQS").values().stream().map(e -> Template.target(e.get("Queue")))
                    .collect(Collectors.toSet());
            boolean reads = false;
            for (Statement s : Policies.ofFunction(template, id)) {
                if (s.actions().stream().noneMatch(a -> a.startsWith("sqs:"))) {
                    continue;
                }
                if (s.actions().equals(List.of("sqs:SendMessage"))) {
                    assertFalse(ownDeadLetters.isEmpty(), id + " may send to a queue but has no on-failure destination");
                    assertEquals(ownDeadLetters, Policies.referencedIds(s.resources()), id + " may send to another queue");
                } else {
                    // what an SQS event source mapping polls with; ChangeMessageVisibility only if the handler sets it
                    assertTrue(s.actions().containsAll(POLL) && Set.copyOf(s.actions()).size() == s.actions().size()
                            && POLL_AND_VISIBILITY.containsAll(s.actions()), id + ": " + s.actions());
                    assertFalse(ownQueues.isEmpty(), id + " may read a queue but has no SQS event");
                    assertEquals(ownQueues, Policies.referencedIds(s.resources()), id + " may read another queue");
                    reads = true;
                }
            }
            assertEquals(!ownQueues.isEmpty(), reads, id + ": its SQS event cannot poll without ReceiveMessage, DeleteMessage, GetQueueAttributes");
            readers += reads ? 1 : 0;
        }
        assertTrue(readers >= 1, "notification reads its own queue");
    }

    @Test
    void only_this_account_may_put_events_on_the_bus() {
        Map<String, Map<String, Object>> policies = template.ofType("AWS::Events::EventBusPolicy");
        assertEquals(1, policies.size());
        Map<String, Object> p = policies.values().iterator().next();
        Map<String, Object> statement = Template.map(Template.map(p.get("Properties")).get("Statement"));
        assertEquals(Map.of("Ref", "OrderEventBus"), Template.map(p.get("Properties")).get("EventBusName"));
        assertEquals("events:PutEvents", statement.get("Action"));
        assertEquals(Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"),
                Template.map(statement.get("Principal")).get("AWS"));
    }

    @Test
    void the_api_requires_a_JWT_on_every_route_and_is_throttled() {
        Map<String, Object> api = template.properties("ShopHttpApi");
        Map<String, Object> auth = Template.map(api.get("Auth"));
        String defaultAuthorizer = String.valueOf(auth.get("DefaultAuthorizer"));
        Map<String, Object> jwt = Template.map(Template.map(Template.map(auth.get("Authorizers")).get(defaultAuthorizer)).get("JwtConfiguration"));
        assertNotNull(jwt.get("issuer"), "the default authorizer is not a JWT authorizer");
        assertFalse(Template.list(jwt.get("audience")).isEmpty(), "a JWT authorizer without an audience accepts any client's token");
        Map<String, Object> throttling = Template.map(api.get("DefaultRouteSettings"));
        assertTrue(throttling.containsKey("ThrottlingRateLimit") && throttling.containsKey("ThrottlingBurstLimit"), "no throttling");
        List<String> open = new ArrayList<>();
        template.ofType("AWS::Serverless::Function").keySet().forEach(id -> template.events(id, "HttpApi").forEach((name, e) -> {
            if ("NONE".equals(Template.map(e.get("Auth")).get("Authorizer"))) {
                open.add(id + "." + name);
            }
        }));
        assertEquals(List.of(), open, "routes without the authorizer");
    }
}
