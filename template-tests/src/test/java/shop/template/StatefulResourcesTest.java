package shop.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shop's records outlive its stack: every table and user pool is kept when the stack is deleted or the resource
 * replaced, and refuses a direct delete. docs/deploy.md says why, and how to delete them on purpose.
 */
class StatefulResourcesTest {

    /** Type of each resource that holds records, and the property that protects it from a delete call. */
    private static final Map<String, Map.Entry<String, Object>> PROTECTION = Map.of(
            "AWS::DynamoDB::Table", Map.entry("DeletionProtectionEnabled", true),
            "AWS::Cognito::UserPool", Map.entry("DeletionProtection", "ACTIVE"));

    private final Template template = Template.load();

    @Test
    void every_table_and_user_pool_is_retained_on_stack_deletion_and_replacement_and_protected_from_deletion() {
        int checked = 0;
        for (Map.Entry<String, Map.Entry<String, Object>> kind : PROTECTION.entrySet()) {
            for (Map.Entry<String, Map<String, Object>> resource : template.ofType(kind.getKey()).entrySet()) {
                String id = resource.getKey();
                assertEquals("Retain", resource.getValue().get("DeletionPolicy"), id + ": deleting the stack would delete its records");
                assertEquals("Retain", resource.getValue().get("UpdateReplacePolicy"), id + ": a replacing update would delete its records");
                assertEquals(kind.getValue().getValue(), template.properties(id).get(kind.getValue().getKey()),
                        id + ": a direct delete (console, CLI) would succeed");
                checked++;
            }
        }
        assertFalse(template.ofType("AWS::DynamoDB::Table").isEmpty() || template.ofType("AWS::Cognito::UserPool").isEmpty(), "nothing checked");
        assertEquals(template.ofType("AWS::DynamoDB::Table").size() + template.ofType("AWS::Cognito::UserPool").size(), checked);
    }

    @Test
    void no_resource_holds_records_in_a_form_these_rules_do_not_know() {
        // SimpleTable and GlobalTable have other protection properties: a new kind needs its own decision here first
        for (String type : new String[] {"AWS::Serverless::SimpleTable", "AWS::DynamoDB::GlobalTable"}) {
            assertEquals(Map.of(), template.ofType(type), type + " is not covered by the retention rules yet");
        }
    }
}
