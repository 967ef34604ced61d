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

    /** The violations of {@code detail} against the schema of {@code detailType} at major version 1; empty when valid. */
    public static List<String> violations(String detailType, JsonNode detail) {
        return schema(detailType, 1).validate(detail).stream().map(Error::toString).toList();
    }

    public static Schema schema(String detailType, int majorVersion) {
        Path file = ProjectRoot.find().resolve("events/schemas").resolve(detailType + ".v" + majorVersion + ".schema.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no schema for " + detailType + " v" + majorVersion + " at " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
