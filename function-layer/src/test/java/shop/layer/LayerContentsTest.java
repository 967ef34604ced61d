package shop.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.spi.SLF4JServiceProvider;
import software.amazon.awssdk.http.SdkHttpService;

/**
 * What the layer's libraries hold, checked on this module's classpath (the same artifacts the layer packs, plus the
 * SDK service modules and JUnit) before they are shaded into one jar: one logging binding, one HTTP client, and no
 * class in two artifacts, which shading would otherwise resolve silently by keeping whichever came first.
 */
class LayerContentsTest {

    @Test
    void slf4j_binds_to_platforms_json_logger_and_nothing_else() {
        List<String> providers = ServiceLoader.load(SLF4JServiceProvider.class).stream()
                .map(provider -> provider.type().getName()).toList();
        assertEquals(List.of("shop.platform.logging.JsonLogs"), providers);
    }

    @Test
    void the_sdk_finds_exactly_one_http_client_apache_5() {
        List<String> clients = ServiceLoader.load(SdkHttpService.class).stream()
                .map(service -> service.type().getName()).toList();
        assertEquals(List.of("software.amazon.awssdk.http.apache5.Apache5SdkHttpService"), clients);
    }

    @Test
    void no_class_is_in_two_artifacts() throws IOException {
        Map<String, TreeSet<String>> owners = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith(".jar") || entry.matches(".*/(junit|opentest4j|apiguardian)[^/]*\\.jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                String artifact = new File(entry).getName();
                jar.stream().map(e -> e.getName())
                        .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class"))
                        .forEach(name -> owners.computeIfAbsent(name, n -> new TreeSet<>()).add(artifact));
            }
        }
        TreeSet<String> jsonNode = owners.getOrDefault("com/fasterxml/jackson/databind/JsonNode.class", new TreeSet<>());
        assertEquals(1, jsonNode.size(), "the scan sees the artifacts, not only a launcher jar: " + jsonNode);
        assertTrue(jsonNode.first().startsWith("jackson-databind-"), jsonNode.toString());
        Map<String, TreeSet<String>> duplicated = owners.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertEquals(Map.of(), duplicated);
    }
}
