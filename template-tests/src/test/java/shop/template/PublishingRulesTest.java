package shop.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import shop.template.Policies.Statement;

/**
 * Each context may put only its own source on the bus (issue 11, item 7): every IAM statement anywhere in the
 * template that allows {@code events:PutEvents} belongs to a function's role, names only the bus, and carries a
 * {@code StringEquals} condition on {@code events:source} equal to the source of the function's context. Walks
 * every statement, so a new publisher without the condition fails here without anyone listing it.
 */
class PublishingRulesTest {

    /** The EventBridge source of each producing context, by the Maven module that builds its functions. */
    static final Map<String, String> SOURCE_OF_MODULE = Map.of(
            "order-service", "shop.orders",
            "inventory-service", "shop.inventory",
            "package-service", "shop.packaging");

    private final Template template = Template.load();

    @Test
    void every_statement_allowing_PutEvents_is_a_functions_and_limits_it_to_its_contexts_own_source() {
        Set<String> publishers = new TreeSet<>();

        List<String> violations = violations(template, publishers);

        assertEquals(List.of(), violations);
        assertTrue(publishers.containsAll(Set.of("OrderApiFunction", "OutboxRelayFunction", "StockDecisionFunction",
                "InventoryFunction", "InventoryOutboxRelayFunction", "ShipParcelFunction", "PackageOutboxRelayFunction")),
                "publishers found: " + publishers);
    }

    @Test
    void the_rule_fails_on_a_publisher_without_the_condition_or_with_another_contexts_source() {
        Template doctored = Template.parse("""
                Resources:
                  Bus: { Type: AWS::Events::EventBus, Properties: { Name: b } }
                  NoCondition:
                    Type: AWS::Serverless::Function
                    Properties: { CodeUri: inventory-service/target/inventory-service.jar, Role: !GetAtt NoConditionRole.Arn }
                  NoConditionRole:
                    Type: AWS::IAM::Role
                    Properties:
                      Policies:
                        - PolicyName: p
                          PolicyDocument:
                            Statement:
                              - { Effect: Allow, Action: events:PutEvents, Resource: !GetAtt Bus.Arn }
                  WrongSource:
                    Type: AWS::Serverless::Function
                    Properties: { CodeUri: inventory-service/target/inventory-service.jar, Role: !GetAtt WrongSourceRole.Arn }
                  WrongSourceRole:
                    Type: AWS::IAM::Role
                    Properties:
                      Policies:
                        - PolicyName: p
                          PolicyDocument:
                            Statement:
                              - Effect: Allow
                                Action: [events:PutEvents]
                                Resource: !GetAtt Bus.Arn
                                Condition: { StringEquals: { events:source: shop.orders } }
                  Loose:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - { Effect: Allow, Action: events:PutEvents, Resource: !GetAtt Bus.Arn }
                """);

        List<String> violations = violations(doctored, new TreeSet<>());

        assertEquals(3, violations.size(), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("NoConditionRole/p") && v.contains("null")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("WrongSourceRole/p") && v.contains("shop.inventory")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("Loose") && v.contains("no function")), violations.toString());
    }

    /** What is wrong with each statement allowing PutEvents; {@code publishers} collects the functions that may publish. */
    static List<String> violations(Template template, Set<String> publishers) {
        List<String> violations = new ArrayList<>();
        Map<String, String> functionOfRole = new java.util.HashMap<>();
        template.ofType("AWS::Serverless::Function").keySet()
                .forEach(id -> functionOfRole.put(Template.target(template.properties(id).get("Role")), id));
        for (Statement s : Policies.all(template)) {
            if (!s.allows("events:PutEvents") || s.owner().endsWith("/AssumeRolePolicyDocument")) {
                continue;
            }
            if (template.resource(ownerId(s)).get("Type").equals("AWS::Events::EventBusPolicy")) {
                continue; // the bus's resource policy: which accounts may put at all (see SecurityRulesTest)
            }
            String function = functionOfRole.get(ownerId(s));
            if (function == null) {
                violations.add(s.owner() + ": allows PutEvents for no function, so for no context's source");
                continue;
            }
            publishers.add(function);
            String expected = SOURCE_OF_MODULE.get(template.module(function));
            Object source = Template.map(Template.map(s.body().get("Condition")).get("StringEquals")).get("events:source");
            if (expected == null || !expected.equals(source)) {
                violations.add(s.owner() + " (" + function + "): events:source condition is " + source + ", must be "
                        + (expected == null ? "(module " + template.module(function) + " produces no events)" : expected));
            }
            if (!s.actions().equals(List.of("events:PutEvents"))) {
                violations.add(s.owner() + " (" + function + "): PutEvents shares its statement with " + s.actions());
            }
            if (!Policies.referencedIds(s.resources()).equals(Set.of("OrderEventBus")) && template.resources().containsKey("OrderEventBus")) {
                violations.add(s.owner() + " (" + function + "): PutEvents on " + s.resources() + ", not only the bus");
            }
        }
        return violations;
    }

    private static String ownerId(Statement s) {
        int slash = s.owner().indexOf('/');
        return slash < 0 ? s.owner() : s.owner().substring(0, slash);
    }
}
