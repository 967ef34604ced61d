package shop.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every producer's relay runs platform's one {@code OutboxRelayHandler}, told by its environment which table to relay
 * ({@code OUTBOX_TABLE}) and that table's key ({@code OUTBOX_TABLE_KEY}: hash, then range). The key is written twice in
 * the template, once in the table and once for its relay; this holds the two together, and each relayed table to an
 * {@code outbox} index to read.
 */
class OutboxRelayFunctionsTest {

    static final String RELAY_HANDLER = "shop.platform.outbox.OutboxRelayHandler::handleRequest";

    private final Template template = Template.load();

    @Test
    void each_relay_names_a_table_with_an_outbox_index_and_that_tables_own_key() {
        Set<String> relays = new TreeSet<>();

        assertEquals(List.of(), violations(template, relays));
        assertEquals(Set.of("OutboxRelayFunction", "InventoryOutboxRelayFunction", "PackageOutboxRelayFunction"), relays);
    }

    @Test
    void a_relay_told_another_key_than_its_tables_or_no_table_fails() {
        Template doctored = Template.parse("""
                Resources:
                  Things:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      KeySchema:
                        - { AttributeName: pk, KeyType: HASH }
                        - { AttributeName: sk, KeyType: RANGE }
                      GlobalSecondaryIndexes:
                        - IndexName: outbox
                  WrongKey:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: shop.platform.outbox.OutboxRelayHandler::handleRequest
                      Environment: { Variables: { OUTBOX_TABLE: !Ref Things, OUTBOX_TABLE_KEY: pk } }
                  NoTable:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: shop.platform.outbox.OutboxRelayHandler::handleRequest
                      Environment: { Variables: { OUTBOX_TABLE_KEY: pk } }
                """);

        List<String> violations = violations(doctored, new TreeSet<>());

        assertEquals(List.of("NoTable: OUTBOX_TABLE is not a !Ref of a table of this template",
                "WrongKey: OUTBOX_TABLE_KEY is pk, the key of Things is pk,sk"), violations);
    }

    static List<String> violations(Template template, Set<String> relays) {
        List<String> violations = new ArrayList<>();
        template.ofType("AWS::Serverless::Function").keySet().stream().sorted().forEach(id -> {
            if (!RELAY_HANDLER.equals(template.effectiveFunction(id).get("Handler"))) {
                return;
            }
            relays.add(id);
            Map<String, Object> environment = Policies.environment(template, id);
            String table = Template.target(environment.get("OUTBOX_TABLE"));
            Map<String, Object> tableProperties = table == null ? null : template.ofType("AWS::DynamoDB::Table").containsKey(table)
                    ? template.properties(table) : null;
            if (tableProperties == null) {
                violations.add(id + ": OUTBOX_TABLE is not a !Ref of a table of this template");
                return;
            }
            List<String> key = new ArrayList<>();
            for (String kind : List.of("HASH", "RANGE")) {
                Template.list(tableProperties.get("KeySchema")).stream().map(Template::map)
                        .filter(element -> kind.equals(element.get("KeyType")))
                        .forEach(element -> key.add(String.valueOf(element.get("AttributeName"))));
            }
            String told = Objects.toString(environment.get("OUTBOX_TABLE_KEY"), "");
            if (!told.replace(" ", "").equals(String.join(",", key))) {
                violations.add(id + ": OUTBOX_TABLE_KEY is " + told + ", the key of " + table + " is " + String.join(",", key));
            }
            boolean indexed = Template.list(tableProperties.get("GlobalSecondaryIndexes")).stream().map(Template::map)
                    .anyMatch(index -> "outbox".equals(index.get("IndexName")));
            if (!indexed) {
                violations.add(id + ": " + table + " has no outbox index for the relay to read");
            }
        });
        return violations;
    }
}
