package shop.localcloud.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.localcloud.common.UserError;
import shop.localparts.CloudFormationYaml;

/** Intrinsic functions resolve as CloudFormation resolves them, for what local-cloud runs. */
class IntrinsicsTest {

    private final Intrinsics intrinsics = new Intrinsics(
            name -> Map.of("Stage", "dev", "AWS::Region", "eu-west-1", "Table", "OrdersTable").get(name),
            (id, attribute) -> id.equals("Queue") && attribute.equals("Arn") ? "arn:aws:sqs:eu-west-1:123456789012:Queue" : null,
            condition -> condition.equals("IsDev"),
            Map.of("StageConfig", Map.of("dev", Map.of("Memory", "512"))));

    private Object resolve(String yaml) {
        return intrinsics.resolve(CloudFormationYaml.parse("value: " + yaml).get("value"), "test");
    }

    @Test
    void sub_join_select_findinmap_and_if_resolve_to_plain_values() {
        assertEquals("shop-dev-bus in eu-west-1", resolve("!Sub 'shop-${Stage}-bus in ${AWS::Region}'"));
        assertEquals("arn:aws:sqs:eu-west-1:123456789012:Queue/x", resolve("!Sub ['${Queue.Arn}/${Name}', {Name: x}]"));
        assertEquals("a-OrdersTable", resolve("!Join ['-', [a, !Ref Table]]"));
        assertEquals("b", resolve("!Select [1, [a, b]]"));
        assertEquals("512", resolve("!FindInMap [StageConfig, !Ref Stage, Memory]"));
        assertEquals("yes", resolve("!If [IsDev, yes, no]"));
        assertEquals("literal ${NotAVariable}", resolve("!Sub 'literal ${!NotAVariable}'"));
    }

    @Test
    void a_reference_local_cloud_cannot_resolve_is_a_clear_error() {
        UserError unknown = assertThrows(UserError.class, () -> resolve("!Ref Nowhere"));
        UserError unsupported = assertThrows(UserError.class, () -> resolve("!ImportValue SharedThing"));

        assertTrue(unknown.getMessage().contains("refers to Nowhere"), unknown.getMessage());
        assertTrue(unsupported.getMessage().contains("Fn::ImportValue"), unsupported.getMessage());
    }
}
