package shop.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import shop.localparts.ProjectRoot;

/**
 * The published language: the JSON Schemas in {@code events/schemas/}. Producer tests hold every event they
 * emit against them; consumer contract tests hold their sample events against them.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private EventSchemas() {
    }

    /**
     * The violations of {@code detail} against the schema of {@code detailType} at the major its
     * {@code metadata.schemaVersion} names (1 when it names none: that schema then says what is wrong); empty when valid.
     */
    public static List<String> violations(String detailType, JsonNode detail) {
        return schema(detailType, major(detail)).validate(detail).stream().map(Error::toString).toList();
    }

    /** True when {@code events/schemas/} holds a schema of {@code detailType} at {@code majorVersion}. */
    public static boolean published(String detailType, int majorVersion) {
        return Files.isRegularFile(file(detailType, majorVersion));
    }

    /** The major of {@code detail}'s {@code metadata.schemaVersion} ("2.0" is 2); 1 when it has none that parses. */
    public static int major(JsonNode detail) {
        String version = detail.at("/metadata/schemaVersion").asText();
        int dot = version.indexOf('.');
        if (dot > 0) {
            try {
                return Integer.parseInt(version.substring(0, dot));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
        return 1;
    }

    public static Schema schema(String detailType, int majorVersion) {
        Path file = file(detailType, majorVersion);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no schema for " + detailType + " v" + majorVersion + " at " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(String detailType, int majorVersion) {
        return ProjectRoot.find().resolve("events/schemas").resolve(detailType + ".v" + majorVersion + ".schema.json");
    }
}
