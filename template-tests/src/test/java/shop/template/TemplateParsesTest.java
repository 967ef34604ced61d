package shop.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TemplateParsesTest {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private final Template template = Template.load();

    @Test
    void the_template_parses_with_CloudFormation_short_form_tags() {
        assertEquals("AWS::Serverless-2016-10-31", template.root.get("Transform"));
        assertFalse(template.resources().isEmpty(), "no resources");
        // !GetAtt Bus.Arn became the long form CloudFormation evaluates
        assertEquals(List.of("OrderEventBus", "Arn"),
                Template.map(template.properties("OrderEventArchive").get("SourceArn")).get("Fn::GetAtt"));
        assertEquals(Map.of("Ref", "OrderEventBus"), template.properties("OrderEventBusPolicy").get("EventBusName"));
    }

    @Test
    void every_Ref_GetAtt_and_Sub_names_a_parameter_a_resource_or_a_resource_that_SAM_generates() {
        Set<String> known = new HashSet<>(Template.map(template.root.get("Parameters")).keySet());
        known.addAll(template.resources().keySet());
        template.ofType("AWS::Serverless::Function").forEach((id, function) -> {
            // documented names of what SAM generates: <Function><EventId> rules, <Function>Alias<alias>, <Function>Role
            Template.map(Template.map(function.get("Properties")).get("Events")).keySet().forEach(e -> known.add(id + e));
            known.add(id + "Role");
            known.add(id + "Aliaslive");
        });
        List<String> dangling = new ArrayList<>();
        walk(template.root, "", known, dangling);
        assertTrue(dangling.isEmpty(), "names that resolve to nothing: " + dangling);
    }

    private void walk(Object node, String path, Set<String> known, List<String> dangling) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> m = Template.map(map);
            String target = Template.target(m);
            if (target != null && !target.startsWith("AWS::") && !known.contains(target)) {
                dangling.add(path + " -> " + target);
            }
            if (m.get("Fn::Sub") != null) {
                List<Object> sub = Template.list(m.get("Fn::Sub"));
                Set<String> local = sub.size() > 1 ? Template.map(sub.get(1)).keySet() : Set.of();
                Matcher matcher = SUB_VARIABLE.matcher(String.valueOf(sub.get(0)));
                while (matcher.find()) {
                    String name = matcher.group(1).split("\\.", 2)[0];
                    if (!name.startsWith("AWS::") && !local.contains(name) && !known.contains(name)) {
                        dangling.add(path + " -> ${" + matcher.group(1) + "}");
                    }
                }
            }
            m.forEach((key, value) -> walk(value, path + "/" + key, known, dangling));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "/" + i, known, dangling);
            }
        }
    }
}
