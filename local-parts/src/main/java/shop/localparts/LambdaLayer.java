package shop.localparts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Lambda layer as the Java runtime sees it: Lambda unpacks the layer's zip to /opt, and the jars in
 * {@code /opt/java/lib} follow the function's own code on the classpath. Here each layer zip is unpacked once per
 * version of the file (size and time in the folder name) to a folder under the temporary directory, and reused.
 * Used by local-cloud to run template layers, and by the tests and benchmarks that need the layer's jars.
 */
public final class LambdaLayer {

    private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "shop-local-cloud-layers");

    private LambdaLayer() {
    }

    /** The folder that holds the layer's {@code java/lib} jars, for a layer given as a zip or as a folder. */
    public static synchronized Path libraries(Path content) {
        if (Files.isDirectory(content)) {
            return content.resolve("java").resolve("lib");
        }
        if (!Files.isRegularFile(content)) {
            throw new IllegalStateException("the layer " + content + " is missing; build it with: mvn -B -DskipTests install");
        }
        try {
            String version = content.getFileName() + "-" + Files.size(content) + "-" + Files.getLastModifiedTime(content).toMillis();
            Path target = CACHE.resolve(version);
            if (!Files.isDirectory(target)) {
                Files.createDirectories(CACHE);
                Path partial = Files.createTempDirectory(CACHE, version + ".part");
                unzip(content, partial);
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException another) { // another local-cloud unpacked it at the same moment
                    delete(partial);
                    if (!Files.isDirectory(target)) {
                        throw another;
                    }
                }
            }
            return target.resolve("java").resolve("lib");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the layer " + content, e);
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream file = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(file)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("the entry " + entry.getName() + " points outside the layer");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
