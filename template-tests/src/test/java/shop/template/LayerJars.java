package shop.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import shop.localparts.ProjectRoot;

/** The FunctionLayer's jars, unpacked once per test run, as Lambda puts them on a function's classpath (/opt/java/lib). */
final class LayerJars {

    private static List<URL> urls;

    private LayerJars() {
    }

    static synchronized List<URL> urls() {
        if (urls == null) {
            Path zip = ProjectRoot.find().resolve(String.valueOf(Template.load().properties("FunctionLayer").get("ContentUri")));
            try {
                Path dir = Files.createTempDirectory("function-layer");
                dir.toFile().deleteOnExit();
                List<URL> found = new ArrayList<>();
                try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
                    for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                        if (entry.getName().startsWith("java/lib/") && entry.getName().endsWith(".jar")) {
                            Path jar = dir.resolve(Path.of(entry.getName()).getFileName().toString());
                            Files.copy(entries, jar, StandardCopyOption.REPLACE_EXISTING);
                            jar.toFile().deleteOnExit();
                            found.add(url(jar));
                        }
                    }
                }
                urls = List.copyOf(found);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack " + zip + " (build it with `mvn package` first)", e);
            }
        }
        return urls;
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
