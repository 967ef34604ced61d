package shop.platform.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * JSON for every function: Jackson's streaming parser and generator build and write Jackson's tree nodes
 * ({@link JsonNode}), with no {@code ObjectMapper}. Measured in BENCHMARKS.md (step 10): building a mapper costs ~100 ms
 * of a cold start, reading and writing the first event with the streaming API ~30 ms. Values that are not nodes
 * are turned into nodes here ({@link #node}): strings, numbers, booleans, enums, maps, collections and records;
 * there is no reflective bean binding, so what goes out is exactly what the code put in.
 */
public final class Json {

    /** Bounds that stop a hostile payload from costing memory or stack before validation even starts. */
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxStringLength(64 * 1024)
            .maxNumberLength(32)
            .build();

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(LIMITS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The first JSON value of the input; a missing node if there is none. Malformed JSON throws a {@code JacksonException}. */
    public static JsonNode read(InputStream input) throws IOException {
        try (JsonParser parser = FACTORY.createParser(input)) {
            return read(parser);
        }
    }

    public static JsonNode read(byte[] input) throws IOException {
        try (JsonParser parser = FACTORY.createParser(input)) {
            return read(parser);
        }
    }

    public static JsonNode read(String input) throws IOException {
        try (JsonParser parser = FACTORY.createParser(input)) {
            return read(parser);
        }
    }

    private static JsonNode read(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        return first == null ? MissingNode.getInstance() : value(parser, first);
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IOException("unexpected JSON token " + token);
        }
    }

    /** {@code value} ({@link #node}'s kinds) as JSON bytes. */
    public static byte[] bytes(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(out, value);
        return out.toByteArray();
    }

    public static String string(Object value) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, node(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes {@code value} to {@code output}, which stays open. */
    public static void write(OutputStream output, Object value) {
        try (JsonGenerator generator = FACTORY.createGenerator(output)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            write(generator, node(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generator on {@code writer} with the same settings (for writers such as the log line). */
    public static JsonGenerator generator(Writer writer) throws IOException {
        return FACTORY.createGenerator(writer);
    }

    /** Writes a tree with the generator alone (no codec needed). */
    public static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(generator, element);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> generator.writeNumber(node.intValue());
                    case LONG -> generator.writeNumber(node.longValue());
                    case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
                    case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
                    case FLOAT -> generator.writeNumber(node.floatValue());
                    default -> generator.writeNumber(node.doubleValue());
                }
            }
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case BINARY -> generator.writeBinary(node.binaryValue());
            case NULL, MISSING -> generator.writeNull();
            default -> generator.writeString(node.asText()); // POJO nodes: this code never makes them
        }
    }

    /**
     * A value as a tree: nodes as they are; strings, numbers, booleans and null; enums by name; maps (keys as
     * strings), collections and arrays of these; records field by field, in declaration order. Anything else is
     * refused, so a type that should not go out as JSON cannot slip through.
     */
    public static JsonNode node(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        }
        if (value instanceof BigInteger number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double || value instanceof Float) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof Enum<?> constant) {
            return NODES.textNode(constant.name());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, entry) -> object.set(String.valueOf(key), node(entry)));
            return object;
        }
        if (value instanceof Collection<?> collection) {
            ArrayNode array = NODES.arrayNode();
            collection.forEach(element -> array.add(node(element)));
            return array;
        }
        if (value instanceof Object[] elements) {
            ArrayNode array = NODES.arrayNode();
            for (Object element : elements) {
                array.add(node(element));
            }
            return array;
        }
        if (value.getClass().isRecord()) {
            ObjectNode object = NODES.objectNode();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    java.lang.reflect.Method accessor = component.getAccessor();
                    accessor.setAccessible(true); // records of other packages may be package-private
                    object.set(component.getName(), node(accessor.invoke(value)));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalArgumentException("cannot read " + component.getName() + " of " + value.getClass().getName(), e);
                }
            }
            return object;
        }
        throw new IllegalArgumentException(value.getClass().getName() + " has no JSON form here; give a node, a map or a record");
    }
}
