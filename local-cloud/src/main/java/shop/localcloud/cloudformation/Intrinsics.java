package shop.localcloud.cloudformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shop.localcloud.common.UserError;

/**
 * Resolves CloudFormation intrinsic functions ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join},
 * {@code Fn::Select}, {@code Fn::If}, ...) against what local-cloud runs, so a function's environment comes from
 * template.yaml alone.
 */
public final class Intrinsics {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Function<String, String> ref;
    private final BiFunction<String, String, String> getAtt;
    private final Function<String, Boolean> condition;
    private final Map<String, Object> mappings;

    /**
     * @param ref      the value of {@code Ref} for a logical id, parameter or pseudo parameter (null if unknown)
     * @param getAtt   the value of {@code Fn::GetAtt} (logical id, attribute), null if unknown
     * @param condition the value of a named condition
     */
    Intrinsics(Function<String, String> ref, BiFunction<String, String, String> getAtt, Function<String, Boolean> condition,
               Map<String, Object> mappings) {
        this.mappings = mappings;
        this.ref = ref;
        this.getAtt = getAtt;
        this.condition = condition;
    }

    /** A copy of {@code value} with every intrinsic function replaced by its value. */
    @SuppressWarnings("unchecked")
    Object resolve(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                String key = String.valueOf(only.getKey());
                if (key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition")) {
                    return function(key, only.getValue(), where);
                }
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> resolved.put(k, resolve(v, where + "." + k)));
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (Object item : list) {
                resolved.add(resolve(item, where));
            }
            return resolved;
        }
        return value;
    }

    String resolveString(Object value, String where) {
        Object resolved = resolve(value, where);
        if (resolved instanceof Map || resolved instanceof List) {
            throw new UserError("template.yaml: " + where + " must be a string, but is " + resolved);
        }
        return resolved == null ? null : String.valueOf(resolved);
    }

    boolean condition(String name) {
        return condition.apply(name);
    }

    private Object function(String name, Object argument, String where) {
        switch (name) {
            case "Ref": {
                String value = ref.apply(String.valueOf(argument));
                if (value == null) {
                    throw new UserError("template.yaml: " + where + " refers to " + argument
                            + ", which is neither a parameter nor a resource local-cloud knows");
                }
                return value;
            }
            case "Fn::GetAtt": {
                List<?> parts = argument instanceof List<?> l ? l : List.of(String.valueOf(argument).split("\\.", 2));
                String value = getAtt.apply(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
                if (value == null) {
                    throw new UserError("template.yaml: " + where + " asks for " + parts.get(0) + "." + parts.get(1)
                            + ", which local-cloud cannot provide");
                }
                return value;
            }
            case "Fn::Sub":
                return sub(argument, where);
            case "Fn::Join": {
                List<?> args = (List<?>) argument;
                List<String> items = new ArrayList<>();
                for (Object item : (List<?>) resolve(args.get(1), where)) {
                    items.add(String.valueOf(item));
                }
                return String.join(String.valueOf(args.get(0)), items);
            }
            case "Fn::Select": {
                List<?> args = (List<?>) argument;
                int index = Integer.parseInt(String.valueOf(resolve(args.get(0), where)));
                return ((List<?>) resolve(args.get(1), where)).get(index);
            }
            case "Fn::FindInMap": {
                List<?> args = (List<?>) argument;
                Object value = mappings;
                for (Object key : args) {
                    value = value instanceof Map<?, ?> map ? map.get(resolveString(key, where)) : null;
                }
                if (value == null) {
                    throw new UserError("template.yaml: " + where + " looks up " + args + " in Mappings, which has no such entry");
                }
                return resolve(value, where);
            }
            case "Fn::Split": {
                List<?> args = (List<?>) argument;
                return List.of(resolveString(args.get(1), where).split(Pattern.quote(String.valueOf(args.get(0))), -1));
            }
            case "Fn::If": {
                List<?> args = (List<?>) argument;
                return resolve(condition(String.valueOf(args.get(0))) ? args.get(1) : args.get(2), where);
            }
            case "Fn::Equals": {
                List<?> args = (List<?>) argument;
                return String.valueOf(resolve(args.get(0), where)).equals(String.valueOf(resolve(args.get(1), where)));
            }
            case "Fn::Not":
                return !truth(((List<?>) argument).get(0), where);
            case "Fn::And":
                return ((List<?>) argument).stream().allMatch(c -> truth(c, where));
            case "Fn::Or":
                return ((List<?>) argument).stream().anyMatch(c -> truth(c, where));
            case "Condition":
                return condition(String.valueOf(argument));
            default:
                throw new UserError("template.yaml: " + where + " uses " + name + ", which local-cloud does not resolve; "
                        + "use Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap or Fn::If there");
        }
    }

    private boolean truth(Object value, String where) {
        return Boolean.parseBoolean(String.valueOf(resolve(value, where)));
    }

    private String sub(Object argument, String where) {
        String template;
        Map<String, String> variables = new LinkedHashMap<>();
        if (argument instanceof List<?> args) {
            template = String.valueOf(args.get(0));
            if (args.size() > 1 && args.get(1) instanceof Map<?, ?> vars) {
                vars.forEach((k, v) -> variables.put(String.valueOf(k), resolveString(v, where)));
            }
        } else {
            template = String.valueOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            String value = variables.get(name);
            if (value == null) {
                value = name.contains(".")
                        ? (String) function("Fn::GetAtt", List.of(name.split("\\.", 2)), where)
                        : (String) function("Ref", name, where);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString().replace("${!", "${");
    }
}
