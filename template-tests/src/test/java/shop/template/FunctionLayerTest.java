package shop.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import shop.localparts.ProjectRoot;

/**
 * Each function deploys its own jar plus the shared FunctionLayer (platform, SDK core, HTTP client, Jackson). The
 * split is made by the build (the shade includes in the root pom, the layer's assembly), so these tests check that
 * the two halves fit: nothing a function's classes refer to is missing from the function jar, the layer and the
 * JDK together; no class is in both; every artifact stays under the 10 MB budget of issue 7.
 */
class FunctionLayerTest {

    private static final long BUDGET_BYTES = 10L * 1024 * 1024;

    private final Template template = Template.load();
    private final Path root = ProjectRoot.find();

    @Test
    void every_function_runs_with_the_function_layer_for_java21_on_arm64() {
        Map<String, Object> layer = template.properties("FunctionLayer");
        assertEquals(List.of("java21"), layer.get("CompatibleRuntimes"));
        assertEquals(List.of("arm64"), layer.get("CompatibleArchitectures"));
        template.ofType("AWS::Serverless::Function").keySet().forEach(id -> assertEquals(List.of(Map.of("Ref", "FunctionLayer")),
                template.effectiveFunction(id).get("Layers"), id + " must run with the FunctionLayer"));
    }

    @Test
    void the_layer_holds_its_jars_where_the_java_runtime_looks_for_them() throws IOException {
        List<String> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(layerZip().toFile())) {
            zip.stream().filter(e -> !e.isDirectory()).forEach(e -> entries.add(e.getName()));
        }
        assertTrue(entries.stream().allMatch(name -> name.matches("java/lib/[^/]+\\.jar")), "only java/lib/*.jar: " + entries);
        assertTrue(!entries.isEmpty(), "the layer has no jar");
        Set<String> classes = layerClasses();
        assertTrue(classes.contains("shop/platform/events/EventConsumer"), "platform is in the layer");
        assertTrue(classes.contains("software/amazon/awssdk/core/SdkClient"), "the SDK core is in the layer");
    }

    @TestFactory
    Stream<DynamicTest> every_class_a_function_refers_to_is_in_its_jar_the_layer_or_the_jdk() throws IOException {
        Set<String> layerClasses = layerClasses();
        return functionJars().entrySet().stream().map(function -> DynamicTest.dynamicTest(function.getKey(), () -> {
            Map<String, byte[]> own = classesOf(function.getValue());
            Set<String> missing = new TreeSet<>();
            Set<String> duplicated = new TreeSet<>();
            for (Map.Entry<String, byte[]> type : own.entrySet()) {
                if (layerClasses.contains(type.getKey())) {
                    duplicated.add(type.getKey());
                }
                for (String referenced : ClassReferences.of(type.getValue())) {
                    if (!own.containsKey(referenced) && !layerClasses.contains(referenced) && !inJdk(referenced)) {
                        missing.add(referenced + " (from " + type.getKey() + ")");
                    }
                }
            }
            assertEquals(Set.of(), missing, function.getKey() + ": classes that neither its jar, the layer nor the JDK has");
            assertEquals(Set.of(), duplicated, function.getKey() + ": classes in both its jar and the layer (which one loads?)");
        }));
    }

    @Test
    void the_reference_scan_sees_the_classes_a_class_file_uses() throws IOException {
        byte[] self;
        try (InputStream in = FunctionLayerTest.class.getResourceAsStream("FunctionLayerTest.class")) {
            self = in.readAllBytes();
        }
        Set<String> referenced = ClassReferences.of(self);
        assertTrue(referenced.containsAll(Set.of("java/util/zip/ZipFile", "shop/localparts/ProjectRoot", "java/util/TreeSet")),
                referenced.toString());
        assertTrue(inJdk("java/util/zip/ZipFile"));
        assertTrue(!inJdk("shop/localparts/ProjectRoot") && !inJdk("com/fasterxml/jackson/core/JsonParser"));
    }

    @Test
    void every_artifact_is_under_10_mb() throws IOException {
        Map<String, Long> sizes = new java.util.TreeMap<>();
        sizes.put("FunctionLayer", Files.size(layerZip()));
        for (Map.Entry<String, Path> jar : functionJars().entrySet()) {
            sizes.put(jar.getKey(), Files.size(jar.getValue()));
        }
        sizes.forEach((id, size) -> assertTrue(size < BUDGET_BYTES, id + " is " + size + " bytes: " + sizes));
    }

    private static Path layerZip() {
        Path zip = LayerJars.zip();
        assertTrue(Files.isRegularFile(zip), zip + " is missing; build it with `mvn package` first");
        return zip;
    }

    private Map<String, Path> functionJars() {
        Map<String, Path> jars = new java.util.TreeMap<>();
        template.ofType("AWS::Serverless::Function").keySet()
                .forEach(id -> jars.put(id, root.resolve(String.valueOf(template.properties(id).get("CodeUri")))));
        return jars;
    }

    /** Every class of the layer's jars, unpacked as Lambda would (the zip is checked to exist first). */
    private static Set<String> layerClasses() throws IOException {
        layerZip();
        Set<String> classes = new HashSet<>();
        for (Path jar : LayerJars.paths()) {
            classes.addAll(classesOf(jar).keySet());
        }
        return classes;
    }

    /**
     * The classes at the top of a jar, by internal name, with their class files; the versioned copies of a
     * multi-release jar repeat names already there.
     */
    private static Map<String, byte[]> classesOf(Path jar) throws IOException {
        Map<String, byte[]> classes = new java.util.HashMap<>();
        try (InputStream in = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                    classes.put(name.substring(0, name.length() - ".class".length()), zip.readAllBytes());
                }
            }
        }
        return classes;
    }

    private static boolean inJdk(String internalName) {
        return ClassLoader.getPlatformClassLoader().getResource(internalName + ".class") != null;
    }

    /** The classes a class file names in its constant pool (CONSTANT_Class entries): what it instantiates, calls, casts to. */
    static final class ClassReferences {

        private ClassReferences() {
        }

        static Set<String> of(byte[] classFile) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> classNameIndexes = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classNameIndexes.add(in.readUnsignedShort());
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // longs and doubles take two slots
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            Set<String> names = new HashSet<>();
            for (int index : classNameIndexes) {
                String name = utf8[index];
                if (name.startsWith("[")) { // an array type: the element class, if it is one
                    int start = name.lastIndexOf('[') + 1;
                    if (name.charAt(start) != 'L') {
                        continue;
                    }
                    name = name.substring(start + 1, name.length() - 1);
                }
                names.add(name);
            }
            return names;
        }
    }
}
