package shop.localparts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a CloudFormation / SAM template, turning the short-form tags ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}, ...) into their long form ({@code {"Ref": ...}}, {@code {"Fn::Sub": ...}}), so that
 * tests and local-cloud see the template as CloudFormation does.
 */
public final class CloudFormationYaml {

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "ToJsonString",
            "Length");

    private CloudFormationYaml() {
    }

    public static Map<String, Object> read(Path template) {
        try {
            return parse(Files.readString(template));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + template, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String yaml) {
        LoadSettings settings = LoadSettings.builder().setLabel("template.yaml").build();
        Object loaded = new Load(settings, new Constructor(settings)).loadFromString(yaml);
        if (!(loaded instanceof Map)) {
            throw new IllegalArgumentException("the template is not a YAML mapping");
        }
        return (Map<String, Object>) loaded;
    }

    /** The template's resources, by logical id. */
    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Object>> resources(Map<String, Object> template) {
        return (Map<String, Map<String, Object>>) template.getOrDefault("Resources", Map.of());
    }

    /** A resource's {@code Properties}, or an empty map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) Optional.ofNullable(resource.get("Properties")).orElse(Map.of());
    }

    private static final class Constructor extends StandardConstructor {

        Constructor(LoadSettings settings) {
            super(settings);
            tagConstructors.put(new Tag("!Ref"), node -> Map.of("Ref", scalar(node)));
            tagConstructors.put(new Tag("!Condition"), node -> Map.of("Condition", scalar(node)));
            for (String function : FUNCTIONS) {
                tagConstructors.put(new Tag("!" + function), new FunctionConstructor("Fn::" + function));
            }
        }

        private String scalar(Node node) {
            return ((ScalarNode) node).getValue();
        }

        private final class FunctionConstructor implements ConstructNode {
            private final String name;

            FunctionConstructor(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = name.equals("Fn::GetAtt")
                            ? new ArrayList<>(Arrays.asList(scalar.getValue().split("\\.", 2)))
                            : scalar.getValue();
                } else if (node instanceof SequenceNode sequence) {
                    List<Object> items = new ArrayList<>();
                    for (Node item : sequence.getValue()) {
                        items.add(constructObject(item));
                    }
                    value = items;
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> function = new LinkedHashMap<>();
                function.put(name, value);
                return function;
            }
        }
    }
}
